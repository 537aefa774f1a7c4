// The mobile profile every bench script uses: Lighthouse's mobile throttling (Slow 4G and a ×4
// slower CPU), applied to a page through the DevTools protocol before it navigates, at a
// phone's viewport (where the widget stacks its sections).

export const MOBILE = { latency: 150, download: (1638.4 * 1024) / 8, upload: (675 * 1024) / 8, cpu: 4 };
export const PHONE_VIEWPORT = { width: 412, height: 823 };
export const PHONE_SCALE = 1.75;

/** Throttles the page behind `cdp` (a CDP session with Network enabled) to the profile. */
export async function throttleCdp(cdp) {
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: MOBILE.latency,
    downloadThroughput: MOBILE.download,
    uploadThroughput: MOBILE.upload,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: MOBILE.cpu });
}
