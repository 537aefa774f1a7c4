//! "Save image": the graphic's SVG export, drawn on a detached canvas at twice the density, saved as a PNG that carries the SVG it came from as text; the page sees only the notice a refusal leaves, which the view draws.

use super::events::with_state;
use super::listener::Listener;
use super::state::State;
use super::Theme;
use crate::view::export::{self, SvgOptions};
use crate::view::i18n::Ui;
use crate::view::{describe, png};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

/// Pixels per CSS pixel of the saved image.
const DENSITY: f64 = 2.0;

/// The SVG loading into a detached image, and what the PNG will carry.
pub struct Pending {
    image: HtmlImageElement,
    url: String,
    svg: String,
    _load: Listener,
    _error: Listener,
}

impl Drop for Pending {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.url);
    }
}

impl State {
    fn dark(&self) -> bool {
        match self.theme {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::Auto => web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                .is_some_and(|m| m.matches()),
        }
    }

    /// Starts drawing the image: every section stacked, in the shown language and theme, with
    /// the page's address under the source line. A page whose Content-Security-Policy forbids
    /// `blob:` images refuses the load, and the controls say so.
    pub fn save_image(&mut self) -> Result<(), JsValue> {
        let Some((ds, st)) = self.data() else {
            return Ok(());
        };
        let page = self.doc.url().ok();
        let o = SvgOptions {
            lang: self.opts.lang,
            page: page.as_deref(),
            dark: self.dark(),
            scale: DENSITY,
        };
        let svg = export::export_svg_with(&ds, &st, &o);
        let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type("image/svg+xml");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let image: HtmlImageElement = self.doc.create_element("img")?.unchecked_into();
        let (weak, weak_err) = (self.me.clone(), self.me.clone());
        let load = Listener::new(image.as_ref(), "load", move |_| {
            with_state(&weak, State::image_loaded)
        })?;
        let error = Listener::new(image.as_ref(), "error", move |_| {
            with_state(&weak_err, |s| s.image_refused(Ui::ImageBlocked))
        })?;
        image.set_src(&url);
        self.image = Some(Pending {
            image,
            url,
            svg,
            _load: load,
            _error: error,
        });
        Ok(())
    }

    fn image_loaded(&mut self) -> Result<(), JsValue> {
        let Some(p) = self.image.take() else {
            return Ok(());
        };
        let Some(bytes) = self.draw(&p) else {
            return self.image_refused(Ui::ImageFailed);
        };
        let Some((ds, st)) = self.data() else {
            return Ok(());
        };
        let lang = self.opts.lang;
        let title = ds.story.title.get(lang);
        let desc = describe::describe_graphic(&ds, &st, lang, self.opts.group_zh);
        let page = self.doc.url().unwrap_or_default();
        let text = [
            ("Title", title),
            ("Description", desc.as_str()),
            ("Source", page.as_str()),
            ("SVG", p.svg.as_str()),
        ];
        let Some(out) = png::with_text(&bytes, &text) else {
            return self.image_refused(Ui::ImageFailed);
        };
        let body = js_sys::Uint8Array::from(out.as_slice());
        self.download(&body.into(), "image/png", &format!("{}.png", ds.story.id))?;
        if self.opts.notice.take().is_some() {
            self.rerender()?;
        }
        Ok(())
    }

    /// The image as the canvas encodes it; `None` when the canvas cannot (a tainted canvas).
    fn draw(&self, p: &Pending) -> Option<Vec<u8>> {
        let canvas: HtmlCanvasElement = self.doc.create_element("canvas").ok()?.unchecked_into();
        canvas.set_width(p.image.natural_width());
        canvas.set_height(p.image.natural_height());
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.draw_image_with_html_image_element(&p.image, 0.0, 0.0)
            .ok()?;
        png::data_url_bytes(&canvas.to_data_url().ok()?)
    }

    /// Says in the controls why there is no image, instead of failing silently.
    fn image_refused(&mut self, why: Ui) -> Result<(), JsValue> {
        self.image = None;
        self.opts.notice = Some(why);
        self.rerender()
    }
}
