//! A JSON value read the way Python's `json.loads` reads it and written the way
//! `json.JSONEncoder(ensure_ascii=False)` writes it, or refused where the two could differ.
//!
//! [`Json`] keeps an object's keys in their order and borrows strings from the line when they
//! hold no escape. Parsing refuses (with an error, so that the caller lets Python read the
//! record) what Python would read into something this type cannot write back the same:
//!
//! - an object with a key twice (Python keeps the first position and the last value);
//! - `-0` and `-0.0` (serde_json reads both as the float -0.0; Python reads `-0` as the int 0);
//! - a number of magnitude 2^63 or more read as a float when the line holds 19 digits in a row
//!   (it may be an integer too big for 64 bits, which Python keeps exact);
//! - and whatever serde_json refuses itself: `NaN`, `Infinity`, a lone surrogate escape, an
//!   exponent out of range, nesting deeper than 128.
//!
//! Floats are read with serde_json's `float_roundtrip` (correctly rounded, as Python's
//! `float()`) and written as Python's `repr` ([`crate::rows::python_float_repr`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// One JSON value. Numbers are kept as read: `Int` for an integer that fits 64 bits, `Float`
/// for a number with a fraction or an exponent.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// Floats at least this large may be integers too big for 64 bits, which Python keeps exact.
const INTEGER_OVERFLOW: f64 = 9_223_372_036_854_775_808.0; // 2^63

/// Objects with more keys than this look for a repeated key with a hash set.
const LINEAR_KEYS: usize = 16;

impl<'a> Json<'a> {
    /// A short name of the value's kind, as Python's `type(value).__name__` gives it.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "NoneType",
            Json::Bool(_) => "bool",
            Json::Int(_) | Json::UInt(_) => "int",
            Json::Float(_) => "float",
            Json::Str(_) => "str",
            Json::Array(_) => "list",
            Json::Object(_) => "dict",
        }
    }
}

/// Parses one JSON text (a line, its line end included) the way `json.loads` would, or fails
/// where the result could differ from Python's (see the module's notes).
pub fn parse(line: &[u8]) -> Result<Json<'_>, serde_json::Error> {
    match serde_json::from_slice(line) {
        // Only an integer of 19 digits or more overflows 64 bits: without one, a large float
        // was written as a float.
        Err(e) if e.to_string().starts_with(LARGE_NUMBER) && !has_long_integer(line) => {
            LARGE_FLOATS.set(true);
            let parsed = serde_json::from_slice(line);
            LARGE_FLOATS.set(false);
            parsed
        }
        parsed => parsed,
    }
}

const LARGE_NUMBER: &str = "a large number may be an integer";

thread_local! {
    /// Set while a line known to hold no integer beyond 64 bits is parsed again.
    static LARGE_FLOATS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `line` holds 19 ASCII digits in a row anywhere (a number or not).
fn has_long_integer(line: &[u8]) -> bool {
    let mut run = 0;
    for &b in line {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 19 {
            return true;
        }
    }
    false
}

fn has_repeated_key(entries: &[(Cow<'_, str>, Json<'_>)]) -> bool {
    if entries.len() <= LINEAR_KEYS {
        return entries
            .iter()
            .enumerate()
            .any(|(i, (key, _))| entries[..i].iter().any(|(k, _)| k == key));
    }
    let mut seen = std::collections::HashSet::with_capacity(entries.len());
    entries.iter().any(|(key, _)| !seen.insert(key.as_ref()))
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(Json::Int(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(Json::UInt(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        if value == 0.0 && value.is_sign_negative() {
            return Err(E::custom("-0 is an int to Python, -0.0 a float"));
        }
        if value.abs() >= INTEGER_OVERFLOW && !LARGE_FLOATS.get() {
            return Err(E::custom(LARGE_NUMBER));
        }
        Ok(Json::Float(value))
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Json::Str(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Json::Str(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(Json::Str(Cow::Owned(value)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            let value: Json<'de> = map.next_value()?;
            entries.push((key, value));
        }
        if has_repeated_key(&entries) {
            return Err(de::Error::custom("a key given twice"));
        }
        Ok(Json::Object(entries))
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

/// An object's key, borrowed from the line when it holds no escape.
struct Key<'a>(Cow<'a, str>);

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Key(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(Key(Cow::Owned(value)))
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(value) => serializer.serialize_bool(*value),
            Json::Int(value) => serializer.serialize_i64(*value),
            Json::UInt(value) => serializer.serialize_u64(*value),
            Json::Float(value) => serializer.serialize_f64(*value),
            Json::Str(value) => serializer.serialize_str(value),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key.as_ref(), value)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn python_json(value: &Json<'_>) -> String {
        let mut out = Vec::new();
        crate::rows::write_python_json(&mut out, value);
        String::from_utf8(out).expect("utf-8")
    }

    fn round_trip(line: &str) -> Option<String> {
        parse(line.as_bytes()).ok().map(|v| python_json(&v))
    }

    #[test]
    fn values_come_back_as_python_writes_them() {
        let cases = [
            (
                "{\"b\":1,\"a\":[true,false,null],\"c\":{}}\n",
                "{\"b\": 1, \"a\": [true, false, null], \"c\": {}}",
            ),
            (
                "{\"x\": 1.10, \"y\": 1e5, \"z\": 2E-7}",
                "{\"x\": 1.1, \"y\": 100000.0, \"z\": 2e-07}",
            ),
            (
                "{\"s\": \"caf\\u00e9 \\/ \\ud83d\\ude00\"}",
                "{\"s\": \"caf\u{e9} / \u{1f600}\"}",
            ),
            (
                "{\"n\": -12, \"u\": 18446744073709551615}",
                "{\"n\": -12, \"u\": 18446744073709551615}",
            ),
            ("  [1, [2, []]]\r\n", "[1, [2, []]]"),
            ("[1e19, -2.5E+20, 9.3e18]", "[1e+19, -2.5e+20, 9.3e+18]"),
            (
                "{\"t\": \"\\u0001\\u007f\\b\"}",
                "{\"t\": \"\\u0001\u{7f}\\b\"}",
            ),
        ];
        for (line, written) in cases {
            assert_eq!(round_trip(line).as_deref(), Some(written), "{line}");
        }
    }

    #[test]
    fn what_python_could_read_otherwise_is_refused() {
        for line in [
            "{\"a\": 1, \"a\": 2}",
            "{\"o\": {\"k\": 1, \"k\": 1}}",
            "{\"z\": -0}",
            "{\"z\": -0.0}",
            "{\"big\": 123456789012345678901234567890}",
            "{\"big\": -9223372036854775809}",
            "{\"big\": 18446744073709551616, \"f\": 1e19}",
            "{\"f\": NaN}",
            "{\"f\": Infinity}",
            "{\"f\": 1e400}",
            "{\"s\": \"\\ud800\"}",
            "{\"a\": 1} x",
            "{\"a\": 1,}",
            "\u{a0}",
        ] {
            assert!(parse(line.as_bytes()).is_err(), "{line}");
        }
        let many: String = (0..40).map(|i| format!("\"k{}\": {i}, ", i % 39)).collect();
        assert!(parse(format!("{{{many}\"end\": 0}}").as_bytes()).is_err());
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let Ok(Json::Object(entries)) = parse(b"{\"text\": \"plain\", \"e\": \"a\\nb\"}") else {
            panic!("an object");
        };
        assert!(matches!(entries[0].0, Cow::Borrowed("text")));
        assert!(matches!(entries[0].1, Json::Str(Cow::Borrowed("plain"))));
        assert!(matches!(&entries[1].1, Json::Str(Cow::Owned(s)) if s == "a\nb"));
    }
}
