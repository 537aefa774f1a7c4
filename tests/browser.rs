//! Browser tests (`wasm-pack test --headless --chrome`): the exports in a real page, the widget in a real DOM.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use revitalization_infographic as ri;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, KeyboardEvent, KeyboardEventInit, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn obj(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn host(width_px: u32) -> Element {
    let el = doc().create_element("div").unwrap();
    // A CSSOM write, as a host page would size its column.
    el.unchecked_ref::<web_sys::HtmlElement>()
        .style()
        .set_property("width", &format!("{width_px}px"))
        .unwrap();
    doc().body().unwrap().append_child(&el).unwrap();
    el
}

fn shadow(el: &Element) -> ShadowRoot {
    el.shadow_root()
        .expect("the widget attaches an open shadow root")
}

fn text_of(el: &Element) -> String {
    shadow(el).text_content().unwrap_or_default()
}

fn none() -> ri::MaybeDatasetJs {
    JsValue::UNDEFINED.unchecked_into()
}

/// No count-up, so the hero shows its final number at once.
fn opts(lang: &str) -> ri::RenderOptionsJs {
    obj(&[("lang", lang.into()), ("animate", false.into())]).unchecked_into()
}

fn fmt(value: f64, options: &[(&str, JsValue)]) -> String {
    ri::format_number(value.into(), obj(options).unchecked_into()).unwrap()
}

/// Every figure of the embedded story, formatted as the widget shows it.
fn figures(lang: ri::format::Lang) -> Vec<(String, String)> {
    let ds = ri::dataset::Dataset::default_story().unwrap();
    ds.figures()
        .map(|f| (f.id.clone(), ri::view::format_figure(f, lang, false)))
        .collect()
}

fn live() -> (f64, f64, f64) {
    let v = ri::live_resources();
    let get = |k: &str| Reflect::get(&v, &k.into()).unwrap().as_f64().unwrap();
    (get("listeners"), get("observers"), get("frames"))
}

fn events(
    el: &Element,
    name: &'static str,
) -> (Rc<RefCell<Vec<JsValue>>>, Closure<dyn FnMut(Event)>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let cb = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        let detail = e
            .dyn_ref::<web_sys::CustomEvent>()
            .map(|c| c.detail())
            .unwrap_or(JsValue::NULL);
        s.borrow_mut().push(detail);
    });
    el.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref())
        .unwrap();
    (seen, cb)
}

fn bubbling(name: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    Event::new_with_event_init_dict(name, &init).unwrap()
}

fn key(name: &str) -> KeyboardEvent {
    let init = KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    init.set_cancelable(true);
    KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
}

fn query(el: &Element, sel: &str) -> Element {
    shadow(el)
        .query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {sel}"))
}

/// The full module seals a valid text for the reader's module, and refuses a bad one with the
/// field's path; a sealed text is still a dataset the full module renders and validates.
#[wasm_bindgen_test]
fn seal_dataset_checks_then_seals() {
    let text = include_str!("../data/xian-2022.json");
    let sealed = ri::seal_dataset(text.into()).unwrap();
    assert!(sealed.starts_with("{\"checked\":\""), "{}", &sealed[..40]);
    assert_eq!(ri::seal_dataset(sealed.clone().into()).unwrap(), sealed);
    let errors: Array = ri::validate_dataset(sealed.into()).unchecked_into();
    assert_eq!(errors.length(), 0);

    let Err(err) = ri::seal_dataset("{\"schema\": 1}".into()) else {
        panic!("a bad dataset is not sealed");
    };
    let code = Reflect::get(&err, &"code".into()).unwrap().as_string();
    assert_eq!(code.as_deref(), Some("invalid-dataset"));
    let path = Reflect::get(&err, &"path".into()).unwrap().as_string();
    assert_eq!(path.as_deref(), Some("story"));
    let Err(err) = ri::seal_dataset(ri::default_dataset().unwrap().into()) else {
        panic!("an object is not text");
    };
    let code = Reflect::get(&err, &"code".into()).unwrap().as_string();
    assert_eq!(code.as_deref(), Some("invalid-value"));
}

#[wasm_bindgen_test]
fn exports_work_without_a_dom() {
    let ds = ri::default_dataset().unwrap();
    let errors: Array = ri::validate_dataset(ds.clone().into()).unchecked_into();
    assert_eq!(errors.length(), 0);

    let bad = obj(&[("schema", 1.into()), ("story", JsValue::NULL)]);
    let errors: Array = ri::validate_dataset(bad).unchecked_into();
    let paths: Vec<String> = errors
        .iter()
        .map(|e| {
            Reflect::get(&e, &"path".into())
                .unwrap()
                .as_string()
                .unwrap()
        })
        .collect();
    assert!(paths.contains(&"story".to_owned()), "{paths:?}");
    assert!(paths.contains(&"sections".to_owned()), "{paths:?}");

    // Not JSON at all: still a list, never a throw.
    let errors: Array =
        ri::validate_dataset(js_sys::Function::new_no_args("").into()).unchecked_into();
    assert!(errors.length() > 0);

    let stats = ri::compute_stats(ds.unchecked_into()).unwrap();
    let derived: Array = Reflect::get(&stats, &"derived".into())
        .unwrap()
        .unchecked_into();
    let prev = derived
        .iter()
        .find(|d| {
            Reflect::get(d, &"id".into())
                .unwrap()
                .as_string()
                .as_deref()
                == Some("previous-income")
        })
        .unwrap();
    assert_eq!(
        Reflect::get(&prev, &"value".into()).unwrap().as_f64(),
        Some(14645.0)
    );

    let Err(err) = ri::compute_stats(obj(&[("schema", 2.into())]).unchecked_into()) else {
        panic!("a bad dataset must throw");
    };
    assert_eq!(
        Reflect::get(&err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("invalid-dataset")
    );

    assert_eq!(
        fmt(
            26770300.0,
            &[
                ("lang", "zh".into()),
                ("kind", "money".into()),
                ("unit", "元".into()),
                ("notation", "wan".into())
            ]
        ),
        "2677.03万元"
    );
    assert_eq!(
        fmt(
            157e6,
            &[
                ("lang", "en".into()),
                ("kind", "money".into()),
                ("notation", "yi".into())
            ]
        ),
        "¥157 million"
    );
    assert_eq!(fmt(f64::NAN, &[("lang", "en".into())]), "—");
    let err =
        ri::format_number(1.0.into(), obj(&[("lang", "fr".into())]).unchecked_into()).unwrap_err();
    assert_eq!(
        Reflect::get(&err, &"path".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("options.lang")
    );
}

fn intl(locale: &str, options: &[(&str, JsValue)], value: f64) -> String {
    let locales = Array::of1(&locale.into());
    let nf = js_sys::Intl::NumberFormat::new(&locales, &obj(options).unchecked_into());
    nf.format()
        .call1(&JsValue::NULL, &value.into())
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn format_number_agrees_with_intl_where_the_rules_coincide() {
    // Plain decimals, half away from zero on the shortest representation, at most two places.
    let values = [
        0.0,
        1.0,
        1.005,
        2.675,
        0.125,
        1.115,
        9999.0,
        10000.0,
        16317.0,
        99999.995,
        1234.5678,
        0.1 + 0.2,
        1e-7,
        123456789.125,
        1e12,
        26770300.0,
        -1.005,
        -16317.0,
        8.345,
        1.0049999,
    ];
    let mut mismatches = Vec::new();
    for v in values {
        let ours_en = fmt(v, &[("lang", "en".into())]);
        let theirs_en = intl("en-US", &[("maximumFractionDigits", 2.into())], v);
        if ours_en != theirs_en {
            mismatches.push(format!("en {v}: ours {ours_en}, Intl {theirs_en}"));
        }
        let ours_zh = fmt(v, &[("lang", "zh".into())]);
        let theirs_zh = intl(
            "zh-CN",
            &[
                ("maximumFractionDigits", 2.into()),
                ("useGrouping", false.into()),
            ],
            v,
        );
        if ours_zh != theirs_zh {
            mismatches.push(format!("zh {v}: ours {ours_zh}, Intl {theirs_zh}"));
        }
    }
    // 万/亿 as Intl's compact notation writes them, promotion after rounding included.
    for v in [
        105000.0, 107900.0, 26770300.0, 84193900.0, 157e6, 121e6, 99999999.0, 1e12, 26770250.0, 5e7,
    ] {
        let ours = fmt(v, &[("lang", "zh".into()), ("notation", "auto".into())]);
        let theirs = intl(
            "zh-CN",
            &[
                ("notation", "compact".into()),
                ("maximumFractionDigits", 2.into()),
            ],
            v,
        );
        if ours != theirs {
            mismatches.push(format!("zh compact {v}: ours {ours}, Intl {theirs}"));
        }
    }
    for share in [78.08, 100.0, 80.0, 0.5, 33.333] {
        let ours = fmt(share, &[("lang", "en".into()), ("kind", "share".into())]);
        let theirs = intl(
            "en-US",
            &[
                ("style", "percent".into()),
                ("maximumFractionDigits", 2.into()),
            ],
            share / 100.0,
        );
        if ours != theirs {
            mismatches.push(format!("share {share}: ours {ours}, Intl {theirs}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[wasm_bindgen_test]
fn mounts_every_figure_into_the_shadow_root() {
    let el = host(960);
    let w = ri::render(el.clone().into(), none(), opts("zh")).unwrap();
    let text = text_of(&el);
    for (id, shown) in figures(ri::format::Lang::Zh) {
        assert!(text.contains(&shown), "{id}: {shown} missing");
    }
    assert!(text.contains("14645元"), "derived previous-year income");
    // Text from data is text: the light DOM is untouched and no script was created.
    assert_eq!(
        shadow(&el).query_selector_all("script").unwrap().length(),
        0
    );
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("ready"));
    w.destroy().unwrap();
    el.remove();
}

#[wasm_bindgen_test]
fn hover_and_focus_show_the_tooltip_with_exact_text() {
    let el = host(960);
    let w = ri::render(el.clone().into(), none(), opts("zh")).unwrap();
    // The health tab holds the compensation bars.
    let tabs = shadow(&el).query_selector_all("[role=tab]").unwrap();
    let health = (0..tabs.length())
        .filter_map(|i| tabs.item(i))
        .find(|t| t.text_content().as_deref() == Some("医疗保障"))
        .unwrap();
    health.unchecked_ref::<web_sys::HtmlElement>().click();
    let mark = query(&el, "[data-figure=compensation-amount]");
    mark.dispatch_event(&bubbling("pointerover")).unwrap();
    let tip = query(&el, ".ri-tooltip");
    assert!(!tip.has_attribute("hidden"));
    let t = tip.text_content().unwrap();
    for want in [
        "1.57亿元",
        "157,000,000元",
        "约11620元",
        "累计补偿13511人次1.57亿元",
    ] {
        assert!(t.contains(want), "tooltip lacks {want}: {t}");
    }
    mark.dispatch_event(&bubbling("pointerleave")).unwrap();
    assert!(query(&el, ".ri-tooltip").has_attribute("hidden"));

    let card = query(&el, "[data-figure=insurance-subsidised-people]");
    card.dispatch_event(&bubbling("focusin")).unwrap();
    let t = query(&el, ".ri-tooltip").text_content().unwrap();
    assert!(t.contains("10.79万人") && t.contains("107,900人"), "{t}");
    let live = query(&el, "[data-role=live]").text_content().unwrap();
    assert_eq!(live, "定额资助参保人数：10.79万人");
    w.destroy().unwrap();
    el.remove();
}

#[wasm_bindgen_test]
fn arrow_keys_home_and_end_move_between_tabs() {
    let el = host(960);
    let w = ri::render(el.clone().into(), none(), opts("en")).unwrap();
    let selected = || {
        let t = query(&el, "[role=tab][aria-selected=true]");
        (
            t.get_attribute("data-tab").unwrap(),
            t.get_attribute("aria-controls").unwrap(),
        )
    };
    assert_eq!(selected().0, "0");
    query(&el, "[role=tab][aria-selected=true]")
        .dispatch_event(&key("ArrowRight"))
        .unwrap();
    let (i, panel) = selected();
    assert_eq!(i, "1");
    assert!(!query(&el, &format!("#{panel}")).has_attribute("hidden"));
    query(&el, "[role=tab][aria-selected=true]")
        .dispatch_event(&key("End"))
        .unwrap();
    assert_eq!(selected().0, "5");
    query(&el, "[role=tab][aria-selected=true]")
        .dispatch_event(&key("ArrowRight"))
        .unwrap();
    assert_eq!(selected().0, "0", "wraps around");
    query(&el, "[role=tab][aria-selected=true]")
        .dispatch_event(&key("ArrowLeft"))
        .unwrap();
    assert_eq!(selected().0, "5");
    query(&el, "[role=tab][aria-selected=true]")
        .dispatch_event(&key("Home"))
        .unwrap();
    assert_eq!(selected().0, "0");
    let hidden = shadow(&el)
        .query_selector_all("[role=tabpanel][hidden]")
        .unwrap()
        .length();
    assert_eq!(hidden, 5, "exactly one panel shows");
    w.destroy().unwrap();
    el.remove();
}

#[wasm_bindgen_test]
async fn set_language_changes_every_number_and_label() {
    let el = host(960);
    let (seen, cb) = events(&el, "languagechange");
    let w = ri::render(el.clone().into(), none(), opts("zh")).unwrap();
    let tab_before = query(&el, "[role=tab]");
    w.set_language("en".into()).unwrap();
    let text = text_of(&el);
    for (id, shown) in figures(ri::format::Lang::En) {
        assert!(text.contains(&shown), "{id}: {shown} missing in en");
    }
    let ds = ri::dataset::Dataset::default_story().unwrap();
    for s in &ds.sections {
        assert!(
            text.contains(&s.title.en) || s.id == "income",
            "{}",
            s.title.en
        );
    }
    for zh in ["万", "亿", "元", "脱贫"] {
        assert!(
            !text.contains(zh),
            "zh text {zh} left after switching to en"
        );
    }
    events_fired().await;
    assert_eq!(seen.borrow().len(), 1);
    // Patched in place: the same tab node, new text.
    assert!(tab_before.is_same_node(Some(&query(&el, "[role=tab]"))));
    assert_eq!(w.lang(), "en");
    assert!(w.set_language("fr".into()).is_err());
    el.remove_event_listener_with_callback("languagechange", cb.as_ref().unchecked_ref())
        .unwrap();
    w.destroy().unwrap();
    el.remove();
}

#[wasm_bindgen_test]
fn update_with_another_dataset_rerenders() {
    let el = host(960);
    let w = ri::render(el.clone().into(), none(), opts("zh")).unwrap();
    let ds = ri::default_dataset().unwrap();
    let story = Reflect::get(&ds, &"story".into()).unwrap();
    let title = Reflect::get(&story, &"title".into()).unwrap();
    Reflect::set(&title, &"zh".into(), &"另一篇报道".into()).unwrap();
    let sections: Array = Reflect::get(&ds, &"sections".into())
        .unwrap()
        .unchecked_into();
    let figs: Array = Reflect::get(&sections.get(0), &"figures".into())
        .unwrap()
        .unchecked_into();
    Reflect::set(&figs.get(0), &"value".into(), &20000.into()).unwrap();
    w.update(ds.unchecked_into()).unwrap();
    let text = text_of(&el);
    assert!(text.contains("另一篇报道"));
    assert!(text.contains("20000元"));
    assert!(!text.contains("16317元"));
    w.destroy().unwrap();
    el.remove();
}

#[wasm_bindgen_test]
fn destroy_leaves_no_nodes_listeners_or_timers() {
    let before = live();
    let el = host(960);
    let w = ri::render(el.clone().into(), none(), opts("zh")).unwrap();
    let during = live();
    assert!(during.0 > before.0 && during.1 > before.1, "{during:?}");
    w.destroy().unwrap();
    assert_eq!(live(), before);
    assert_eq!(shadow(&el).child_nodes().length(), 0);
    // Twice is fine; a call after destroy is a clear error.
    w.destroy().unwrap();
    let err = w.set_language("en".into()).unwrap_err();
    assert_eq!(
        Reflect::get(&err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("destroyed")
    );
    el.remove();
}

#[wasm_bindgen_test]
fn two_widgets_stay_independent() {
    let (a, b) = (host(960), host(960));
    let wa = ri::render(a.clone().into(), none(), opts("zh")).unwrap();
    let wb = ri::render(b.clone().into(), none(), opts("zh")).unwrap();
    wb.set_language("en".into()).unwrap();
    query(&a, "[role=tab][aria-selected=true]")
        .dispatch_event(&key("ArrowRight"))
        .unwrap();
    assert!(text_of(&a).contains("16317元"));
    assert!(text_of(&b).contains("16,317 yuan"));
    assert_eq!(
        query(&a, "[role=tab][aria-selected=true]")
            .get_attribute("data-tab")
            .as_deref(),
        Some("1")
    );
    assert_eq!(
        query(&b, "[role=tab][aria-selected=true]")
            .get_attribute("data-tab")
            .as_deref(),
        Some("0")
    );
    // Ids are unique per widget.
    assert_ne!(query(&a, "[role=tab]").id(), query(&b, "[role=tab]").id());
    wa.destroy().unwrap();
    assert!(
        text_of(&b).contains("16,317 yuan"),
        "destroying one leaves the other"
    );
    wb.destroy().unwrap();
    a.remove();
    b.remove();
}

/// Lets the events a call queued fire: the widget dispatches them once the call has returned.
async fn events_fired() {
    let p = js_sys::Promise::resolve(&JsValue::UNDEFINED);
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_bad_dataset_shows_the_error_panel_and_fires_error() {
    let el = host(960);
    let (seen, cb) = events(&el, "error");
    let ds = ri::default_dataset().unwrap();
    let sections: Array = Reflect::get(&ds, &"sections".into())
        .unwrap()
        .unchecked_into();
    let figs: Array = Reflect::get(&sections.get(2), &"figures".into())
        .unwrap()
        .unchecked_into();
    Reflect::set(&figs.get(1), &"value".into(), &"lots".into()).unwrap();
    let w = ri::render(el.clone().into(), ds.clone().unchecked_into(), opts("en")).unwrap();
    let panel = query(&el, "[role=alert]");
    let text = panel.text_content().unwrap();
    assert!(text.contains("sections[2].figures[1].value"), "{text}");
    assert!(text.contains("must be a number"), "{text}");
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("error"));
    // Fired after render() returned, not inside it.
    assert_eq!(seen.borrow().len(), 0);
    events_fired().await;
    assert_eq!(seen.borrow().len(), 1);
    let detail = seen.borrow()[0].clone();
    assert_eq!(
        Reflect::get(&detail, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("invalid-dataset")
    );
    let errors: Array = Reflect::get(&detail, &"errors".into())
        .unwrap()
        .unchecked_into();
    assert_eq!(
        Reflect::get(&errors.get(0), &"path".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("sections[2].figures[1].value")
    );
    // Fixed data brings the widget back.
    Reflect::set(&figs.get(1), &"value".into(), &1179.into()).unwrap();
    w.update(ds.unchecked_into()).unwrap();
    assert!(text_of(&el).contains("1,179 cadres"));
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("ready"));
    el.remove_event_listener_with_callback("error", cb.as_ref().unchecked_ref())
        .unwrap();
    w.destroy().unwrap();
    el.remove();
}

#[wasm_bindgen_test]
fn the_hero_counts_up_from_zero_and_destroy_cancels_the_frame() {
    let before = live();
    let el = host(960);
    // On screen at mount: the count-up starts before the first paint, from zero.
    let w = ri::render(
        el.clone().into(),
        none(),
        obj(&[("lang", "zh".into())]).unchecked_into(),
    )
    .unwrap();
    let hero = query(&el, "[data-countup]");
    assert_eq!(hero.text_content().as_deref(), Some("0元"));
    assert_eq!(
        hero.get_attribute("aria-label").as_deref(),
        Some("脱贫人口人均纯收入：16317元")
    );
    assert_eq!(
        live().2,
        before.2 + 2.0,
        "the count-up's animation frame and the idle callback preparing the language switch"
    );
    // A language switch mid-animation lands on the final number, not a frozen one.
    w.set_language("en".into()).unwrap();
    assert_eq!(
        query(&el, "[data-countup]").text_content().as_deref(),
        Some("16,317 yuan")
    );
    assert_eq!(
        live().2,
        before.2 + 1.0,
        "the animation frame was cancelled"
    );
    w.destroy().unwrap();
    assert_eq!(live(), before);
    el.remove();
}

#[wasm_bindgen_test]
async fn fires_ready_and_select_on_the_host() {
    let el = host(960);
    let (ready, ready_cb) = events(&el, "ready");
    let (select, select_cb) = events(&el, "select");
    let w = ri::render(el.clone().into(), none(), opts("zh")).unwrap();
    // After the call returned: a handler may call back into the widget and finds the handle.
    assert_eq!(ready.borrow().len(), 0);
    events_fired().await;
    assert_eq!(ready.borrow().len(), 1);
    assert_eq!(
        Reflect::get(&ready.borrow()[0], &"lang".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("zh")
    );
    // A tap (click) on a mark chooses it; so does Enter on a focused mark.
    let card = query(&el, "[data-figure=key-tasks-citywide]");
    card.unchecked_ref::<web_sys::HtmlElement>().click();
    card.dispatch_event(&key("Enter")).unwrap();
    events_fired().await;
    let ids: Vec<String> = select
        .borrow()
        .iter()
        .map(|d| Reflect::get(d, &"id".into()).unwrap().as_string().unwrap())
        .collect();
    assert_eq!(ids, ["key-tasks-citywide", "key-tasks-citywide"]);
    // The tap also shows the tooltip, for readers without hover.
    assert!(!query(&el, ".ri-tooltip").has_attribute("hidden"));
    el.remove_event_listener_with_callback("ready", ready_cb.as_ref().unchecked_ref())
        .unwrap();
    el.remove_event_listener_with_callback("select", select_cb.as_ref().unchecked_ref())
        .unwrap();
    w.destroy().unwrap();
    el.remove();
}

/// The story's header and `n` grouped counts in one section, as JSON text (`render` takes
/// a dataset's text as it takes the object).
fn grouped_json(n: usize) -> String {
    let figures: Vec<String> = (1..=n)
        .map(|k| {
            format!(
                r#"{{"id":"f{k}","label":{{"zh":"第{k}项","en":"Item {k}"}},"value":{},"kind":"count","unit":{{"zh":"个","en":"items"}},"source":"第{k}项。","group":"all"}}"#,
                (k * 7919) % 1000 + 1
            )
        })
        .collect();
    format!(
        r#"{{"schema":1,"story":{{"id":"big","title":{{"zh":"大量数据","en":"Many figures"}},"dek":{{"zh":"测试","en":"Test"}},"date":"2022-12-10","source":{{"name":{{"zh":"测试","en":"Test"}},"url":"https://example.com/"}}}},"sections":[{{"id":"big","title":{{"zh":"大量数据","en":"Many figures"}},"figures":[{}]}}]}}"#,
        figures.join(",")
    )
}

fn pointer(name: &str, client_x: i32) -> Event {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_client_x(client_x);
    web_sys::MouseEvent::new_with_mouse_event_init_dict(name, &init)
        .unwrap()
        .into()
}

#[wasm_bindgen_test]
async fn an_overview_chart_reads_figure_by_figure_with_keys_and_pointer() {
    let el = host(960);
    let (select, select_cb) = events(&el, "select");
    let ds: JsValue = grouped_json(200).into();
    let w = ri::render(el.clone().into(), ds.unchecked_into(), opts("en")).unwrap();
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("ready"));
    let chart = query(&el, "[data-overview]");
    assert_eq!(chart.get_attribute("role").as_deref(), Some("img"));
    assert!(chart
        .get_attribute("aria-label")
        .unwrap()
        .contains("200 figures"));
    assert!(shadow(&el).query_selector(".ri-bar-row").unwrap().is_none());
    let tip = || query(&el, ".ri-tooltip");
    let live = || {
        query(&el, "[data-role=live]")
            .text_content()
            .unwrap_or_default()
    };
    let cursor_w = || {
        query(&el, ".ri-cursor")
            .get_attribute("width")
            .and_then(|w| w.parse::<f64>().ok())
            .unwrap()
    };
    assert!(tip().has_attribute("hidden"));
    assert_eq!(cursor_w(), 0.0);

    let press = |k: &str| chart.dispatch_event(&key(k)).unwrap();
    let shows = |label: &str| {
        let t = tip();
        assert!(!t.has_attribute("hidden"), "{label}: tooltip hidden");
        let first = t.query_selector(".ri-tip-title").unwrap().unwrap();
        assert_eq!(first.text_content().as_deref(), Some(label));
        assert!(live().starts_with(&format!("{label}: ")), "{}", live());
        assert!(cursor_w() >= 3.0);
    };
    press("ArrowRight");
    shows("Item 1");
    press("ArrowRight");
    shows("Item 2");
    press("ArrowLeft");
    shows("Item 1");
    press("End");
    shows("Item 200");
    press("ArrowRight");
    shows("Item 200");
    press("PageUp");
    shows("Item 180");
    press("Home");
    shows("Item 1");
    press("Enter");
    press("Escape");
    assert!(tip().has_attribute("hidden"));
    assert_eq!(cursor_w(), 0.0);

    // The pointer: the right end of the plot is the last figure, a click selects it.
    let r = chart.get_bounding_client_rect();
    chart
        .dispatch_event(&pointer("pointermove", (r.right() - 6.0) as i32))
        .unwrap();
    let t = tip();
    assert!(!t.has_attribute("hidden"));
    assert!(text_of(&el).contains("Item 200"));
    chart
        .dispatch_event(&pointer("click", (r.right() - 6.0) as i32))
        .unwrap();
    events_fired().await;
    let ids: Vec<String> = select
        .borrow()
        .iter()
        .map(|d| Reflect::get(d, &"id".into()).unwrap().as_string().unwrap())
        .collect();
    assert_eq!(ids, ["f1", "f200"]);

    // A switch takes the pick away and keeps the chart.
    w.set_language("zh".into()).unwrap();
    assert_eq!(cursor_w(), 0.0);
    assert!(query(&el, "[data-overview]")
        .get_attribute("aria-label")
        .unwrap()
        .contains("共200项"));
    el.remove_event_listener_with_callback("select", select_cb.as_ref().unchecked_ref())
        .unwrap();
    w.destroy().unwrap();
    el.remove();
}

/// Resolves once the browser has had an idle period (after any idle callback asked for earlier).
async fn idle() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_idle_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// The frame's markup with the per-widget id prefix ("ri12-") made the same for every widget.
fn markup(el: &Element) -> String {
    let html = query(el, ".ri-frame").inner_html();
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(at) = rest.find("ri") {
        out.push_str(&rest[..at + 2]);
        rest = &rest[at + 2..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with('-') {
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

#[wasm_bindgen_test]
async fn a_language_switch_prepared_while_idle_gives_the_page_a_fresh_render_gives() {
    for width in [960, 360] {
        let a = host(width);
        let wa = ri::render(a.clone().into(), none(), opts("zh")).unwrap();
        // The switch is prepared in an idle callback, which counts as a pending frame.
        idle().await;
        assert_eq!(live().2, 0.0, "the idle callback ran and is gone");
        wa.set_language("en".into()).unwrap();
        let b = host(width);
        let wb = ri::render(b.clone().into(), none(), opts("en")).unwrap();
        assert_eq!(markup(&a), markup(&b), "zh → en at {width} px");
        // And back, prepared again after the first switch.
        idle().await;
        wa.set_language("zh".into()).unwrap();
        let c = host(width);
        let wc = ri::render(c.clone().into(), none(), opts("zh")).unwrap();
        assert_eq!(markup(&a), markup(&c), "en → zh at {width} px");
        // A tab chosen after the switch was prepared: that preparation must not be used.
        // (Below 480 px the sections stack: no tabs.)
        if width >= 480 {
            idle().await;
            let tab2 = |el: &Element| {
                query(el, "[role=tab][data-tab=\"2\"]")
                    .unchecked_ref::<web_sys::HtmlElement>()
                    .click()
            };
            tab2(&a);
            wa.set_language("en".into()).unwrap();
            tab2(&b);
            assert_eq!(
                query(&a, "[role=tab][aria-selected=true]")
                    .get_attribute("data-tab")
                    .as_deref(),
                Some("2")
            );
            assert_eq!(markup(&a), markup(&b), "zh + tab 2 → en at {width} px");
        }
        for (w, el) in [(wa, a), (wb, b), (wc, c)] {
            w.destroy().unwrap();
            el.remove();
        }
    }
}

#[wasm_bindgen_test]
fn a_rect_given_by_the_caller_is_used_instead_of_measuring() {
    let el = host(960);
    // The caller says 360 px (as an IntersectionObserver entry would): the first render is
    // laid out for it, stacked, without asking the page for a layout.
    let rect = obj(&[
        ("width", 360.into()),
        ("top", 0.into()),
        ("bottom", 400.into()),
    ]);
    let o = obj(&[
        ("lang", "en".into()),
        ("animate", false.into()),
        ("rect", rect),
    ]);
    let w = ri::render(el.clone().into(), none(), o.unchecked_into()).unwrap();
    assert!(query(&el, ".ri")
        .get_attribute("class")
        .unwrap()
        .contains("ri-stacked"));
    w.destroy().unwrap();
    // Not a box: a clear error naming the option.
    for bad in [
        JsValue::from_str("360"),
        obj(&[("width", 360.into())]),
        obj(&[
            ("width", (-1).into()),
            ("top", 0.into()),
            ("bottom", 1.into()),
        ]),
    ] {
        let o = obj(&[("rect", bad)]);
        let err = ri::render(el.clone().into(), none(), o.unchecked_into())
            .err()
            .expect("a bad rect is refused");
        let get = |k: &str| Reflect::get(&err, &k.into()).unwrap().as_string();
        assert_eq!(get("code").as_deref(), Some("invalid-option"));
        assert_eq!(get("path").as_deref(), Some("options.rect"));
    }
    el.remove();
}

/// Options are read from their own fields (Reflect, not serde): what JSON cannot hold, a getter
/// that throws, an array or a DOMRect's inherited box are refused with a code and a path.
#[wasm_bindgen_test]
fn options_are_read_from_own_fields_only() {
    let el = host(640);
    let refused = |o: JsValue| -> (Option<String>, Option<String>) {
        let err = ri::render(el.clone().into(), none(), o.unchecked_into())
            .err()
            .expect("refused");
        let get = |k: &str| Reflect::get(&err, &k.into()).unwrap().as_string();
        (get("code"), get("path"))
    };
    let code = Some("invalid-option".to_owned());
    let at = |p: &str| (code.clone(), Some(p.to_owned()));
    assert_eq!(refused(Array::of1(&"en".into()).into()), at("options"));
    assert_eq!(
        refused(obj(&[("lang", js_sys::Function::new_no_args("").into())])),
        at("options")
    );
    assert_eq!(
        refused(obj(&[("lang", js_sys::BigInt::from(1u32).into())])),
        at("options")
    );
    let throwing = js_sys::Function::new_no_args("return Object.defineProperty({}, 'lang', { enumerable: true, get() { throw new Error('no'); } });")
        .call0(&JsValue::NULL)
        .unwrap();
    assert_eq!(refused(throwing), at("options"));
    // A DOMRect's width, top and bottom are its prototype's getters, not fields of its own.
    let rect = el.get_bounding_client_rect();
    assert_eq!(refused(obj(&[("rect", rect.into())])), at("options.rect"));
    assert_eq!(refused(obj(&[("lang", 1.into())])), at("options.lang"));
    // Fields of its own, in a plain object: taken.
    let w = ri::render(
        el.clone().into(),
        none(),
        obj(&[("lang", "en".into()), ("theme", JsValue::NULL)]).unchecked_into(),
    )
    .unwrap();
    assert_eq!(w.lang(), "en");
    w.destroy().unwrap();
    // The tab and the table view a graphic opens on (what embed.js hands over from the reader's
    // module): a whole number from 0 and a boolean, each named when it is not.
    for (bad, path) in [
        (obj(&[("tab", (-1).into())]), "options.tab"),
        (obj(&[("tab", 1.5.into())]), "options.tab"),
        (obj(&[("tab", "2".into())]), "options.tab"),
        (obj(&[("table", 1.into())]), "options.table"),
    ] {
        assert_eq!(refused(bad), at(path));
    }
    let w = ri::render(
        el.clone().into(),
        none(),
        obj(&[("tab", 2.into())]).unchecked_into(),
    )
    .unwrap();
    let selected = |sel: &str| {
        shadow(&el)
            .query_selector(sel)
            .unwrap()
            .and_then(|e| e.get_attribute("data-tab"))
    };
    assert_eq!(
        selected("[role=tab][aria-selected=true]").as_deref(),
        Some("2")
    );
    w.destroy().unwrap();
    // Past the last tab: the last one.
    let w = ri::render(
        el.clone().into(),
        none(),
        obj(&[("tab", 63.into())]).unchecked_into(),
    )
    .unwrap();
    let tabs = shadow(&el)
        .query_selector_all("[role=tab]")
        .unwrap()
        .length();
    assert!(tabs > 2);
    let last = (tabs - 1).to_string();
    assert_eq!(
        selected("[role=tab][aria-selected=true]").as_deref(),
        Some(last.as_str())
    );
    w.destroy().unwrap();
    // The table view: the button pressed, the table shown (and no tabs).
    let w = ri::render(
        el.clone().into(),
        none(),
        obj(&[("table", true.into())]).unchecked_into(),
    )
    .unwrap();
    let pressed = shadow(&el)
        .query_selector("[data-action=table]")
        .unwrap()
        .and_then(|e| e.get_attribute("aria-pressed"));
    assert_eq!(pressed.as_deref(), Some("true"));
    assert!(shadow(&el)
        .query_selector("table.ri-table")
        .unwrap()
        .is_some());
    w.destroy().unwrap();
    el.remove();
}

/// A path each for what a JS object carries that JSON cannot: no throw, no prototype touched.
#[wasm_bindgen_test]
fn objects_cross_through_serde_with_every_problem_named_by_path() {
    let paths_and_messages = |v: JsValue| -> Vec<(String, String)> {
        let errors: Array = ri::validate_dataset(v).unchecked_into();
        errors
            .iter()
            .map(|e| {
                let get = |k: &str| Reflect::get(&e, &k.into()).unwrap().as_string().unwrap();
                (get("path"), get("message"))
            })
            .collect()
    };
    let ds = ri::default_dataset().unwrap();
    let sections: Array = Reflect::get(&ds, &"sections".into())
        .unwrap()
        .unchecked_into();
    let figures = |s: u32| -> Array {
        Reflect::get(&sections.get(s), &"figures".into())
            .unwrap()
            .unchecked_into()
    };
    Reflect::set(&figures(0).get(0), &"value".into(), &f64::NAN.into()).unwrap();
    Reflect::set(&figures(0).get(1), &"value".into(), &f64::INFINITY.into()).unwrap();
    Reflect::set(
        &figures(1).get(0),
        &"value".into(),
        &f64::NEG_INFINITY.into(),
    )
    .unwrap();
    let errors = paths_and_messages(ds.clone().into());
    let at = |path: &str| {
        errors
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| panic!("no error at {path}: {errors:?}"))
    };
    assert!(at("sections[0].figures[0].value").contains("not a number"));
    assert!(at("sections[0].figures[1].value").contains("+∞"));
    assert!(at("sections[1].figures[0].value").contains("−∞"));
    assert_eq!(errors.len(), 3, "{errors:?}");

    // 5,000 levels deep: refused at the depth limit, no stack overflow, no throw.
    let mut deep: JsValue = Array::new().into();
    for _ in 0..5000 {
        deep = Array::of1(&deep).into();
    }
    let fresh = ri::default_dataset().unwrap();
    let story = Reflect::get(&fresh, &"story".into()).unwrap();
    Reflect::set(&story, &"dek".into(), &deep).unwrap();
    let errors = paths_and_messages(fresh.into());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].1.contains("too deep"), "{errors:?}");

    // `__proto__` as an own key (JSON.parse makes one): an unknown field at its path, and
    // no object's prototype changes.
    let text = String::from(js_sys::JSON::stringify(&ri::default_dataset().unwrap()).unwrap())
        .replacen(
            "\"id\":\"income-per-capita\",",
            "\"__proto__\":{\"polluted\":true},\"id\":\"income-per-capita\",",
            1,
        );
    assert!(text.contains("__proto__"));
    let parsed = js_sys::JSON::parse(&text).unwrap();
    let errors = paths_and_messages(parsed.clone());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "sections[0].figures[0].__proto__");
    assert!(errors[0].1.contains("unknown field"), "{errors:?}");
    let top = js_sys::JSON::parse(r#"{"__proto__": {"polluted": true}}"#).unwrap();
    let errors = paths_and_messages(top);
    assert!(errors.iter().any(|(p, _)| p == "__proto__"), "{errors:?}");
    assert!(Reflect::get(&Object::new(), &"polluted".into())
        .unwrap()
        .is_undefined());
    // The stats of a valid object come back as plain objects, through serde too.
    let stats = ri::compute_stats(ri::default_dataset().unwrap().unchecked_into()).unwrap();
    let checks: Array = Reflect::get(&stats, &"checks".into())
        .unwrap()
        .unchecked_into();
    assert!(checks.length() > 0);
    assert_eq!(
        Reflect::get(&checks.get(0), &"ok".into())
            .unwrap()
            .as_bool(),
        Some(true)
    );
    // Not JSON data: a function, a symbol. A list with one error, never a throw.
    for v in [
        js_sys::Function::new_no_args("").into(),
        JsValue::symbol(Some("s")),
    ] {
        let errors = paths_and_messages(v);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].1.starts_with("not JSON data"), "{errors:?}");
    }
}

#[wasm_bindgen_test]
fn format_number_takes_intl_notation_names() {
    let zh = |notation: &str| {
        fmt(
            105000.0,
            &[
                ("lang", "zh".into()),
                ("unit", "个".into()),
                ("notation", notation.into()),
            ],
        )
    };
    assert_eq!(zh("compact"), zh("auto"));
    assert_eq!(zh("compact"), "10.5万个");
    assert_eq!(zh("standard"), zh("full"));
    assert_eq!(zh("standard"), "105000个");
}

#[wasm_bindgen_test]
fn json_text_that_is_not_json_is_thrown_and_mounts_nothing() {
    let el = host(960);
    let Err(err) = ri::render(
        el.clone().into(),
        JsValue::from_str("<!doctype html><html>").unchecked_into(),
        opts("en"),
    ) else {
        panic!("HTML text must not render");
    };
    let get = |k: &str| Reflect::get(&err, &k.into()).unwrap().as_string().unwrap();
    assert_eq!(get("code"), "invalid-json");
    assert!(
        get("message").contains("it starts with \"<!doctype html><html>\""),
        "{}",
        get("message")
    );
    assert!(el.shadow_root().is_none(), "nothing mounted");
    el.remove();
}

/// A dataset in one language: shown in it whatever the page asked, no language switch, and
/// `setLanguage` to another language is a clear error with a code.
#[wasm_bindgen_test]
fn a_one_language_dataset_has_no_switch_and_refuses_another_language() {
    let el = host(960);
    let doc = r#"{"schema": 1, "languages": ["zh"],
      "story": {"id": "one", "title": {"zh": "只有中文"}, "dek": {"zh": "说明"}, "date": "2024-01-02",
                "source": {"name": {"zh": "某报"}}},
      "sections": [{"id": "s", "title": {"zh": "栏目"}, "figures": [
        {"id": "a", "label": {"zh": "资助人数"}, "written": "10.79万人", "source": "资助10.79万人。"}]}]}"#;
    let w = ri::render(
        el.clone().into(),
        JsValue::from_str(doc).unchecked_into(),
        opts("en"),
    )
    .unwrap();
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(w.lang(), "zh", "shown in its own language");
    let text = text_of(&el);
    assert!(
        text.contains("只有中文") && text.contains("10.79万人"),
        "{text}"
    );
    assert!(shadow(&el)
        .query_selector("[data-action=lang]")
        .unwrap()
        .is_none());
    let err = w.set_language("en".into()).unwrap_err();
    assert_eq!(
        Reflect::get(&err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("unsupported-language")
    );
    assert!(w.set_language("zh".into()).is_ok());
    w.destroy().unwrap();
    el.remove();
}

/// The module's allocator (src/alloc.rs) under churn: blocks of every class and large ones,
/// freed out of order and reused, a buffer doubling to 8 MB, aligned blocks; every byte written
/// is read back, and once the churn has run a few times, more of it takes no more memory.
/// (Small blocks are never joined, so freed memory can sit between them in pieces: the first
/// repeats may take fresh memory for the 8 MB buffer, then the pieces suffice.)
#[wasm_bindgen_test]
fn the_allocator_keeps_every_byte_and_reuses_what_is_freed() {
    fn churn(round: u32) {
        let mut kept: Vec<Vec<u8>> = Vec::new();
        for i in 0..4000u32 {
            // Sizes across every small class and past them (up to 96 KiB).
            let n = ((i * 7919 + round) % 98_304) as usize >> (i % 7);
            let v = vec![(i % 251) as u8; n + 1];
            if i % 3 == 0 {
                drop(v);
            } else {
                kept.push(v);
            }
            if i % 5 == 0 && kept.len() > 2 {
                let j = (i as usize * 31) % kept.len();
                kept.swap_remove(j);
            }
        }
        for v in &kept {
            let b = v[0];
            assert!(v.iter().all(|&x| x == b), "a block was overwritten");
        }
        let mut grown: Vec<u32> = Vec::new();
        for i in 0..2_000_000u32 {
            grown.push(i);
        }
        assert!(grown.iter().enumerate().all(|(i, &x)| x == i as u32));
        #[repr(align(256))]
        struct Wide([u8; 300]);
        let wide: Vec<Box<Wide>> = (0..50).map(|i| Box::new(Wide([i as u8; 300]))).collect();
        for (i, w) in wide.iter().enumerate() {
            assert_eq!(&**w as *const Wide as usize % 256, 0, "aligned");
            assert!(w.0.iter().all(|&x| x == i as u8));
        }
    }
    for _ in 0..3 {
        churn(0);
    }
    let settled = ri::memory_bytes();
    for round in 1..6 {
        churn(round);
    }
    assert!(
        ri::memory_bytes() <= settled + 65536.0 * 16.0,
        "memory grew from {settled} to {} over five more rounds of the churn",
        ri::memory_bytes()
    );
}
