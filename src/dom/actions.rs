//! What the widget's controls do: tabs, the language and table buttons, the CSV and SVG downloads and the saved image (a detached link, clicked, never put on the page).

use super::state::State;
use crate::view;
#[cfg(not(feature = "lean"))]
use crate::view::export;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

#[cfg(feature = "lean")]
thread_local! {
    /// `embed.js`'s hand-over to the full module (`setHandOver`), called with the host and
    /// the action; it answers true when it takes the graphic.
    pub static HAND_OVER: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

impl State {
    pub fn tab_count(&self) -> usize {
        self.dataset
            .as_ref()
            .map_or(0, |ds| view::tab_sections(ds).len())
    }

    pub fn select_tab(&mut self, i: usize, focus: bool) -> Result<(), JsValue> {
        self.opts.selected = i;
        self.hide_tip();
        self.rerender()?;
        if focus {
            let sel = format!("[role=tab][data-tab=\"{i}\"]");
            self.focus(&sel)?;
        }
        Ok(())
    }

    pub fn focus(&self, selector: &str) -> Result<(), JsValue> {
        if let Some(el) = self.frame.query_selector(selector)? {
            if let Some(h) = el.dyn_ref::<HtmlElement>() {
                h.focus()?;
            }
        }
        Ok(())
    }

    pub fn action(&mut self, action: &str) -> Result<(), JsValue> {
        match action {
            "lang" => {
                self.set_language(self.opts.lang.other())?;
                self.focus("[data-action=lang]")
            }
            "table" => {
                self.opts.table = !self.opts.table;
                self.hide_tip();
                self.rerender()
            }
            #[cfg(not(feature = "lean"))]
            "csv" | "svg" | "png" => self.export(action),
            #[cfg(feature = "lean")]
            "csv" | "svg" | "png" => self.hand_over(action),
            _ => Ok(()),
        }
    }

    /// The downloads: the figures as CSV, the graphic as SVG, the saved image.
    #[cfg(not(feature = "lean"))]
    fn export(&mut self, action: &str) -> Result<(), JsValue> {
        match action {
            "csv" => {
                let Some(ds) = self.dataset.clone() else {
                    return Ok(());
                };
                let body = export::csv(&ds, self.opts.lang);
                let name = format!("{}.csv", ds.story.id);
                self.download(&body.into(), "text/csv;charset=utf-8", &name)
            }
            "png" => self.save_image(),
            "svg" => {
                let Some((ds, st)) = self.data() else {
                    return Ok(());
                };
                let body = export::export_svg(&ds, &st, self.opts.lang);
                self.download(
                    &body.into(),
                    "image/svg+xml",
                    &format!("{}.svg", ds.story.id),
                )
            }
            _ => Ok(()),
        }
    }

    /// The reader's module carries no exports (view::export and the image were 6.2 KB gzip
    /// of it): `embed.js` hands the graphic over to the full module, which then does the download
    /// the reader asked for. Without `embed.js` the controls say why nothing came.
    #[cfg(feature = "lean")]
    fn hand_over(&mut self, action: &str) -> Result<(), JsValue> {
        let taken = HAND_OVER.with(|h| {
            h.borrow().as_ref().is_some_and(|f| {
                f.call2(&JsValue::NULL, &self.host, &JsValue::from_str(action))
                    .is_ok_and(|v| v.as_bool() == Some(true))
            })
        });
        if taken {
            return Ok(());
        }
        self.opts.notice = Some(crate::view::i18n::Ui::NoExports);
        self.rerender()
    }

    /// Saves `body` (a string or bytes) as a file: a detached link, clicked, never put on the page.
    #[cfg(not(feature = "lean"))]
    pub fn download(&mut self, body: &JsValue, mime: &str, name: &str) -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(body);
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let a: HtmlElement = self.doc.create_element("a")?.unchecked_into();
        a.set_attribute("href", &url)?;
        a.set_attribute("download", name)?;
        a.click();
        // Revoked at the next download or on destroy: revoking now can cancel it in some browsers.
        if let Some(old) = self.last_url.replace(url) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        Ok(())
    }
}
