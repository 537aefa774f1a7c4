//! A `Value` from and to any serde format: JS objects through serde-wasm-bindgen in the browser, serde_json natively; the same limits as the text parser.

use super::{Value, MAX_DEPTH, MAX_NODES};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::cell::Cell;
use std::fmt;

/// Reading from any serde source: a JS object through serde-wasm-bindgen in the browser (NaN,
/// infinities and odd keys arrive as they are, for validation to name), serde_json natively.
/// JSON text has its own, faster path: `parse`.
mod from_serde {
    use super::*;

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

        // Typed arrays and ArrayBuffers: not JSON data. Said here, not by serde's default,
        // whose message would print through `de::Unexpected` (and so a float formatter).
        fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
            Err(E::custom(
                "a typed array or ArrayBuffer, which is not JSON data",
            ))
        }

        fn visit_byte_buf<E: de::Error>(self, _: Vec<u8>) -> Result<Value, E> {
            Err(E::custom(
                "a typed array or ArrayBuffer, which is not JSON data",
            ))
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
}
pub use from_serde::read;

/// Writing to any serde target: `defaultDataset()` hands the story to JS as an object.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            // Whole numbers as integers, so JSON text shows 16317, not 16317.0.
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 => {
                s.serialize_i64(*n as i64)
            }
            Value::Number(n) => s.serialize_f64(*n),
            Value::String(t) => s.serialize_str(t),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}
