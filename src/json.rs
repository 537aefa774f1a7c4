//! A JSON value with bounded depth and size, read from any serde source (serde_json natively, serde-wasm-bindgen in the browser); no validation here.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// Deeper than any valid dataset (which needs 5 levels); also stops cyclic JS objects.
pub const MAX_DEPTH: u32 = 16;
/// Values of every kind counted together: room for 50,000 figures, not for a memory bomb.
pub const MAX_NODES: u32 = 2_000_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Keys in document order; duplicates are kept so validation can name them.
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// The first value under `key` of an object; `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static NODES: Cell<u32> = const { Cell::new(0) };
}

/// Reads one document into a `Value`, enforcing the limits; resets the counters first so that
/// an earlier failed read cannot leak into this one.
pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
    DEPTH.with(|d| d.set(0));
    NODES.with(|n| n.set(0));
    Value::deserialize(deserializer)
}

/// Parses JSON text natively (the command and tests); the browser uses JSON.parse instead.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Value, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = read(&mut de).map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(value)
}

fn count_node<E: de::Error>() -> Result<(), E> {
    let n = NODES.with(|n| {
        let v = n.get().saturating_add(1);
        n.set(v);
        v
    });
    if n > MAX_NODES {
        return Err(E::custom(format!(
            "document too large: more than {MAX_NODES} values"
        )));
    }
    Ok(())
}

/// Decrements the depth when a container is left, on the error path too.
struct DepthGuard;

impl DepthGuard {
    fn enter<E: de::Error>() -> Result<DepthGuard, E> {
        let depth = DEPTH.with(|d| {
            let v = d.get().saturating_add(1);
            d.set(v);
            v
        });
        let guard = DepthGuard;
        if depth > MAX_DEPTH {
            return Err(E::custom(format!(
                "document too deep: more than {MAX_DEPTH} levels of nesting"
            )));
        }
        Ok(guard)
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON data")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        count_node()?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        count_node()?;
        Ok(Value::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        count_node()?;
        Ok(Value::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        count_node()?;
        Ok(Value::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        count_node()?;
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        count_node()?;
        Ok(Value::String(v))
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        count_node()?;
        Ok(Value::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        count_node()?;
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        count_node()?;
        let _guard = DepthGuard::enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Value>()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        count_node()?;
        let _guard = DepthGuard::enter()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Value>()?;
            entries.push((key, value));
        }
        Ok(Value::Object(entries))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_documents_in_order() {
        let v = parse(r#"{"b": [1, 2.5, null], "a": {"x": true}, "b": "dup"}"#);
        let Ok(Value::Object(entries)) = v else {
            panic!("not an object: {v:?}");
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(
            entries[0].1,
            Value::Array(vec![Value::Number(1.0), Value::Number(2.5), Value::Null])
        );
    }

    #[test]
    fn refuses_deep_nesting_and_recovers() {
        let deep = "[".repeat(40) + &"]".repeat(40);
        let err = parse(&deep).unwrap_err();
        assert!(err.contains("too deep"), "{err}");
        // The depth counter must not leak into the next read.
        let ok = "[".repeat(10) + &"]".repeat(10);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn reports_malformed_text() {
        let err = parse("{\"a\": }").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        assert!(parse("[1] x").is_err());
        assert!(parse("NaN").is_err());
    }
}
