//! The desk's seal: a dataset's JSON text checked once, at publish time, so that a reader's phone need not check it again.
//!
//! A sealed text is the checked text with one member put first:
//! `{"checked":"<16 hex digits>",` followed by the rest of the text after its opening `{`. The
//! digits are the FNV-1a 64 hash of the text as it was before sealing (that is, `{` and the
//! rest), white space after the document left out (an editor's last newline). Any other edit
//! to the file after sealing (a figure changed by hand, a line re-indented) breaks it, and the
//! text is then checked in full like any other.
//!
//! The hash is not a signature: anyone can seal a text. It says "the desk checked this", not
//! "this is safe". So the reader's module still refuses what would harm a page or itself
//! (`trusted`: a script URL, more figures than the limit, a value no figure may have) and
//! its view never panics on what passes (the fuzz runs that path too, in `tests/fuzz.rs`).

use super::{typed, Dataset, MAX_ABS_VALUE, MAX_FIGURES, MAX_NOTES, MAX_RELATIONS, MAX_SECTIONS};
use crate::json::Value;

/// How every sealed text starts.
pub const PREFIX: &str = "{\"checked\":\"";
const DIGITS: usize = 16;

/// FNV-1a, 64 bits, over `{` and then `rest`.
fn digest(rest: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(PRIME);
    rest.iter().fold(step(OFFSET, b'{'), |h, &b| step(h, b))
}

/// The hash a text's seal member claims and the text after that member, when it has one.
fn split(text: &str) -> Option<(u64, &str)> {
    let after = text.strip_prefix(PREFIX)?;
    let digits = after.as_bytes().get(..DIGITS)?;
    let rest = after.get(DIGITS..)?.strip_prefix("\",")?;
    let mut claimed: u64 = 0;
    for &d in digits {
        let v = match d {
            b'0'..=b'9' => d - b'0',
            b'a'..=b'f' => d - b'a' + 10,
            _ => return None,
        };
        claimed = claimed << 4 | u64::from(v);
    }
    Some((claimed, rest))
}

/// White space after the document changes nothing (an editor adds a last newline).
fn body(rest: &str) -> &str {
    rest.trim_end_matches([' ', '\t', '\n', '\r'])
}

/// The text after the seal's member, when `text` is sealed and unchanged since: the part the
/// hash was taken over, without its `{`.
pub fn verified(text: &str) -> Option<&str> {
    let (claimed, rest) = split(text)?;
    (claimed == digest(body(rest).as_bytes())).then_some(rest)
}

/// `text` without its seal member, whether the seal still holds or not: `text` itself when it
/// has none.
#[cfg(not(feature = "lean"))]
pub fn unsealed(text: &str) -> std::borrow::Cow<'_, str> {
    match split(text) {
        Some((_, rest)) => format!("{{{rest}").into(),
        None => text.into(),
    }
}

/// Checks `text` in full and seals it: the sealed text (with no white space after it), or every
/// error with its path. A sealed text, or one whose seal an edit broke, is sealed again from
/// what it is without its seal.
#[cfg(not(feature = "lean"))]
pub fn seal(text: &str) -> Result<String, Vec<super::ValidationError>> {
    let plain = unsealed(text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']));
    super::parse_json(&plain)?;
    // Checked: the text is an object, so it starts with `{`.
    let rest = body(plain.get(1..).unwrap_or(""));
    let hash = digest(rest.as_bytes());
    let mut hex = String::with_capacity(DIGITS);
    for shift in (0..DIGITS).rev() {
        let d = (hash >> (shift * 4)) as u8 & 0xf;
        hex.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
    }
    Ok(format!("{PREFIX}{hex}\",{rest}"))
}

/// A sealed document as the dataset it describes, read for its shape only (no messages, no
/// relation checks), or `None` where it holds what the reader's module must not show at all:
/// then it is checked in full instead, and the checker names the field.
pub fn trusted(value: &Value) -> Option<Dataset> {
    let count = |key: &str| match value.get(key) {
        Some(Value::Array(items)) => items.len(),
        _ => 0,
    };
    if count("sections") > MAX_SECTIONS || count("relations") > MAX_RELATIONS {
        return None;
    }
    let ds = typed::dataset(value);
    let figures = ds.sections.iter().map(|s| s.figures.len()).sum::<usize>();
    let bounded = |v: f64| v.is_finite() && v.abs() <= MAX_ABS_VALUE;
    let sound = figures <= MAX_FIGURES
        && ds.story.notes.len() <= MAX_NOTES
        && ds
            .figures()
            .all(|f| bounded(f.value) && f.high.is_none_or(bounded))
        && ds
            .story
            .source
            .url
            .as_deref()
            .is_none_or(super::check::is_safe_url);
    sound.then_some(ds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str = "{\n  \"schema\": 1\n}";

    #[test]
    fn fnv_1a_64_of_known_texts() {
        // Published test vectors of FNV-1a 64: "a" and "foobar".
        let fnv = |s: &[u8]| {
            s.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
        };
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(digest(b"foobar"), fnv(b"{foobar"));
        assert_eq!(digest(b""), fnv(b"{"));
    }

    #[test]
    fn a_sealed_story_verifies_and_any_edit_breaks_it() {
        let sealed = seal(super::super::DEFAULT_JSON).expect("the story is valid");
        assert!(sealed.starts_with(PREFIX));
        let rest = verified(&sealed).expect("sealed just now");
        assert_eq!(format!("{{{rest}"), super::super::DEFAULT_JSON.trim());
        // One figure changed by hand.
        let edited = sealed.replacen("16317", "16318", 1);
        assert_ne!(edited, sealed);
        assert_eq!(verified(&edited), None);
        // The digits changed, in case, or cut short.
        let upper = format!("{PREFIX}{}", &sealed[PREFIX.len()..].to_ascii_uppercase());
        assert_eq!(verified(&upper), None);
        assert_eq!(verified(&sealed[..PREFIX.len() + 8]), None);
        assert_eq!(verified(PLAIN), None);
        // Sealing again gives the same text: the old seal is taken off first.
        assert_eq!(seal(&sealed).as_deref(), Ok(sealed.as_str()));
        // A broken seal is taken off and the text sealed anew (no second member).
        let resealed = seal(&edited).expect("still valid");
        assert!(verified(&resealed).is_some());
        assert_eq!(resealed.matches("\"checked\"").count(), 1);
        // A last newline, or any white space after the document, keeps the seal.
        assert!(verified(&format!("{sealed}\n")).is_some());
        assert!(verified(&format!("{sealed} \r\n\t")).is_some());
        assert_eq!(seal(&format!("{sealed}\n")).as_deref(), Ok(sealed.as_str()));
    }

    #[test]
    fn an_invalid_text_is_not_sealed() {
        let errors = seal(PLAIN).expect_err("no story");
        assert!(errors.iter().any(|e| e.path == "story"), "{errors:?}");
        assert!(seal("[1]").is_err());
        assert!(seal("").is_err());
    }

    #[test]
    fn trusted_reads_the_story_as_validate_does() {
        let value = crate::json::parse(super::super::DEFAULT_JSON).expect("JSON");
        assert_eq!(trusted(&value), super::super::validate(&value).ok());
    }

    fn member<'v>(v: &'v mut Value, key: &str) -> Option<&'v mut Value> {
        match v {
            Value::Object(fields) => fields.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn first(v: Option<&mut Value>) -> Option<&mut Value> {
        match v? {
            Value::Array(items) => items.first_mut(),
            _ => None,
        }
    }

    #[test]
    fn trusted_refuses_what_the_page_must_not_get() {
        let value = crate::json::parse(super::super::DEFAULT_JSON).expect("JSON");
        let with = |edit: &dyn Fn(&mut Value) -> Option<()>| {
            let mut v = value.clone();
            edit(&mut v).expect("the story has the field");
            trusted(&v)
        };
        let figure = |v: &mut Value, key: &str, to: f64| {
            let section = first(member(v, "sections"))?;
            *member(first(member(section, "figures"))?, key)? = Value::Number(to);
            Some(())
        };
        assert!(with(&|v| figure(v, "value", 2e15)).is_none());
        assert!(with(&|v| figure(v, "value", -1e16)).is_none());
        assert!(with(&|v| figure(v, "value", 1e15)).is_some());
        assert!(with(&|v| {
            let Value::Object(source) = member(member(v, "story")?, "source")? else {
                return None;
            };
            source.push(("url".into(), Value::String("javascript:alert(1)".into())));
            Some(())
        })
        .is_none());
        assert!(with(&|v| {
            *member(v, "sections")? =
                Value::Array(vec![Value::Object(Vec::new()); MAX_SECTIONS + 1]);
            Some(())
        })
        .is_none());
        // What passes is the same story, read for its shape.
        assert!(with(&|_| Some(())).is_some());
    }
}
