//! JSON in and out of the engine's types, by hand: the one home of every
//! JSON mapping (this module's readers and printers, and the field lists of
//! each model type in `framework.rs` and `assessment.rs` here).
//!
//! Why not `#[derive(Serialize, Deserialize)]`: serde's derived code and
//! serde_json's typed (de)serializers, instantiated for every type, were
//! about 100 KiB gzip of the wasm bundle, 40 % of a 250 KiB budget. Here,
//! text is parsed once into a [`serde_json::Value`] (one instantiation),
//! each type reads itself from that tree with small non-generic code, and
//! writes itself as an [`Out`] tree that this module prints.
//!
//! Printing matches serde_json's byte for byte (escapes, numbers, pretty
//! layout), so files and checksums written by earlier versions still agree.
//! Reading errors name the field and say what is wrong, in Vietnamese.

use crate::engine::model::Dec2;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
pub use value::{Map, Number, ParseError, Value};

mod assessment;
mod framework;
mod value;

pub use assessment::{PERIODS, PLAN_STATUSES, REFORM_AREAS};
pub use framework::{STATUSES, UNIT_TYPES};

// ---------------------------------------------------------------- reading

/// What is wrong, and where: `path` from the outside in ("unit", "name").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub path: Vec<String>,
    /// `None`: the field is missing.
    pub problem: Option<String>,
}

impl Error {
    pub fn new(problem: impl Into<String>) -> Error {
        Error {
            path: Vec::new(),
            problem: Some(problem.into()),
        }
    }

    fn missing(key: &str) -> Error {
        Error {
            path: vec![key.to_string()],
            problem: None,
        }
    }

    /// The same error, one level further out.
    pub fn at(mut self, segment: impl Into<String>) -> Error {
        self.path.insert(0, segment.into());
        self
    }

    fn path_text(&self) -> String {
        let mut s = String::new();
        for p in &self.path {
            if !s.is_empty() && !p.starts_with('[') {
                s.push('.');
            }
            s.push_str(p);
        }
        s
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path_text();
        match (&self.problem, path.is_empty()) {
            (None, _) => write!(f, "thiếu trường \"{path}\""),
            (Some(p), true) => f.write_str(p),
            (Some(p), false) => write!(f, "trường \"{path}\": {p}"),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// A type that reads itself from a JSON tree.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self>;
}

/// A JSON object being read. Unknown keys are ignored; `null` counts as
/// missing. Fields are read without early returns: the first error is
/// kept and [`Obj::done`] reports it. (A `?` per field made the compiler
/// drop every field read so far at each of them: several KB per type.)
pub struct Obj<'a> {
    value: &'a Value,
    map: &'a Map,
    error: Option<Error>,
}

pub fn obj(v: &Value) -> Result<Obj<'_>> {
    v.as_object()
        .map(|map| Obj {
            value: v,
            map,
            error: None,
        })
        .ok_or_else(|| Error::new("cần một đối tượng { … }"))
}

impl<'a> Obj<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Keeps the first error.
    #[inline(never)]
    pub fn fail(&mut self, e: Error) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// A field that must be there (its default, and an error, if not).
    pub fn req<T: FromJson + Default>(&mut self, key: &str) -> T {
        match self.get(key) {
            None => {
                self.fail(Error::missing(key));
                T::default()
            }
            Some(v) => self.read(key, v),
        }
    }

    /// A field that may be missing (then its default; `None` for options).
    pub fn opt<T: FromJson + Default>(&mut self, key: &str) -> T {
        match self.get(key) {
            None => T::default(),
            Some(v) => self.read(key, v),
        }
    }

    /// A value whose fields are written in this object itself (a `Band`'s
    /// range: `from`, `to`, … next to `label`).
    pub fn flat<T: FromJson + Default>(&mut self) -> T {
        T::from_json(self.value).unwrap_or_else(|e| {
            self.fail(e);
            T::default()
        })
    }

    fn read<T: FromJson + Default>(&mut self, key: &str, v: &Value) -> T {
        T::from_json(v).unwrap_or_else(|e| {
            self.fail(e.at(key));
            T::default()
        })
    }

    /// The value read, or the first error met reading it.
    pub fn done<T>(self, value: T) -> Result<T> {
        match self.error {
            None => Ok(value),
            Some(e) => Err(e),
        }
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| Error::new("cần một chuỗi ký tự"))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self> {
        v.as_bool().ok_or_else(|| Error::new("cần true hoặc false"))
    }
}

fn unsigned(v: &Value, max: u64) -> Result<u64> {
    match v.as_u64() {
        Some(n) if n <= max => Ok(n),
        Some(_) => Err(Error::new("số quá lớn")),
        None => Err(Error::new("cần một số nguyên không âm")),
    }
}

macro_rules! unsigned_from_json {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self> {
                // The bound makes the cast lossless.
                unsigned(v, <$t>::MAX as u64).map(|n| n as $t)
            }
        }
    )*};
}
unsigned_from_json!(u8, u16, u32, u64, usize);

impl FromJson for Dec2 {
    fn from_json(v: &Value) -> Result<Self> {
        const LIMIT: i64 = 100_000_000_000_000;
        let Value::Number(n) = v else {
            return Err(Error::new("cần một số có tối đa hai chữ số thập phân"));
        };
        match n.hundredths() {
            Some(h) if h.abs() <= LIMIT => Ok(Dec2(h)),
            Some(_) => Err(Error::new("số quá lớn")),
            None if n.as_i64().is_some() || n.as_u64().is_some() => Err(Error::new("số quá lớn")),
            None => Err(Error::new("cần một số có tối đa hai chữ số thập phân")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self> {
        if v.is_null() {
            Ok(None)
        } else {
            T::from_json(v).map(Some)
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self> {
        let a = v
            .as_array()
            .ok_or_else(|| Error::new("cần một danh sách [ … ]"))?;
        // Loops, not `collect`: each `collect` into a `Result` or a B-tree
        // compiles its own adapter (or a sort) for every element type.
        let mut out = Vec::with_capacity(a.len());
        for (i, x) in a.iter().enumerate() {
            out.push(T::from_json(x).map_err(|e| e.at(format!("[{i}]")))?);
        }
        Ok(out)
    }
}

impl FromJson for BTreeSet<String> {
    fn from_json(v: &Value) -> Result<Self> {
        let mut out = BTreeSet::new();
        for s in Vec::<String>::from_json(v)? {
            out.insert(s);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Value) -> Result<Self> {
        let mut out = BTreeMap::new();
        for (k, x) in obj(v)?.map {
            out.insert(k.clone(), T::from_json(x).map_err(|e| e.at(k.clone()))?);
        }
        Ok(out)
    }
}

impl FromJson for Value {
    fn from_json(v: &Value) -> Result<Self> {
        Ok(v.clone())
    }
}

/// A unit enum written as one of `names`.
pub fn variant<T: Copy>(v: &Value, names: &[(&str, T)]) -> Result<T> {
    let s = v
        .as_str()
        .ok_or_else(|| Error::new("cần một chuỗi ký tự"))?;
    names
        .iter()
        .find(|(n, _)| *n == s)
        .map(|(_, t)| *t)
        .ok_or_else(|| Error::new(format!("giá trị \"{s}\" không hợp lệ")))
}

/// The name of a unit enum's value in `names`.
pub fn name_of<T: Copy + PartialEq>(t: T, names: &[(&'static str, T)]) -> &'static str {
    names.iter().find(|(_, x)| *x == t).map_or("", |(n, _)| n)
}

/// `FromJson` and `ToJson` for a struct whose JSON keys are its field
/// names, listed once in the order written. Each field is `req` (must be
/// there), `opt` (default when missing), `skip` (default when missing,
/// and not written when it equals its default) or `flat` (a struct whose
/// own fields are written in this object). `read` before the name makes
/// only `FromJson`.
macro_rules! json_struct {
    (read $ty:ident { $($f:ident: $m:ident),* $(,)? }) => {
        impl $crate::engine::formats::json::FromJson for $ty {
            #[inline(never)]
            fn from_json(v: &$crate::engine::formats::json::Value) -> $crate::engine::formats::json::Result<Self> {
                let mut o = $crate::engine::formats::json::obj(v)?;
                let r = $ty { $($f: $crate::engine::formats::json::json_struct!(@get o, $f, $m)),* };
                o.done(r)
            }
        }
    };
    ($ty:ident { $($f:ident: $m:ident),* $(,)? }) => {
        $crate::engine::formats::json::json_struct!(read $ty { $($f: $m),* });
        impl $crate::engine::formats::json::ToJson for $ty {
            #[inline(never)]
            fn to_json(&self) -> $crate::engine::formats::json::Out {
                let o = $crate::engine::formats::json::obj_out();
                $(let o = $crate::engine::formats::json::json_struct!(@put o, $f, &self.$f, $m);)*
                o.done()
            }
        }
    };
    (@get $o:ident, $f:ident, req) => { $o.req(stringify!($f)) };
    (@get $o:ident, $f:ident, opt) => { $o.opt(stringify!($f)) };
    (@get $o:ident, $f:ident, skip) => { $o.opt(stringify!($f)) };
    (@get $o:ident, $f:ident, flat) => { $o.flat() };
    (@put $o:ident, $f:ident, $v:expr, flat) => { $o.merge($v) };
    (@put $o:ident, $f:ident, $v:expr, skip) => {
        $o.f_if(!$crate::engine::formats::json::is_default($v), stringify!($f), $v)
    };
    (@put $o:ident, $f:ident, $v:expr, $m:ident) => { $o.f(stringify!($f), $v) };
}
pub(crate) use json_struct;

pub fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// `FromJson` and `ToJson` for a unit enum written as one of the names in
/// `table` (an array of `(name, value)`).
macro_rules! json_names {
    ($ty:ty, $table:expr) => {
        impl $crate::engine::formats::json::FromJson for $ty {
            fn from_json(
                v: &$crate::engine::formats::json::Value,
            ) -> $crate::engine::formats::json::Result<Self> {
                $crate::engine::formats::json::variant(v, &$table)
            }
        }
        impl $crate::engine::formats::json::ToJson for $ty {
            fn to_json(&self) -> $crate::engine::formats::json::Out {
                $crate::engine::formats::json::ToJson::to_json(
                    $crate::engine::formats::json::name_of(*self, &$table),
                )
            }
        }
    };
}
pub(crate) use json_names;

/// Parses text into a tree; a syntax error gives its line and column.
pub fn parse(text: &str) -> std::result::Result<Value, ParseError> {
    value::parse(text)
}

/// Parses and reads `T`; `Err` is the message to show.
pub fn read<T: FromJson>(text: &str) -> std::result::Result<T, String> {
    let v = parse(text).map_err(|e| e.to_string())?;
    T::from_json(&v).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------- writing

/// A JSON tree to print; objects keep their keys in the order given.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    Null,
    Bool(bool),
    /// The number as written.
    Num(String),
    Str(String),
    Arr(Vec<Out>),
    Obj(Vec<(String, Out)>),
}

/// A type that writes itself as JSON.
pub trait ToJson {
    fn to_json(&self) -> Out;
}

/// Builds an object field by field.
#[derive(Default)]
pub struct ObjOut(Vec<(String, Out)>);

pub fn obj_out() -> ObjOut {
    ObjOut::default()
}

impl ObjOut {
    pub fn f<T: ToJson + ?Sized>(mut self, key: &str, v: &T) -> ObjOut {
        self.0.push((key.to_string(), v.to_json()));
        self
    }

    /// A field written only when `cond` holds.
    pub fn f_if<T: ToJson + ?Sized>(self, cond: bool, key: &str, v: &T) -> ObjOut {
        if cond {
            self.f(key, v)
        } else {
            self
        }
    }

    /// The fields of `v` (an object) written into this one.
    pub fn merge<T: ToJson + ?Sized>(mut self, v: &T) -> ObjOut {
        if let Out::Obj(fields) = v.to_json() {
            self.0.extend(fields);
        }
        self
    }

    pub fn done(self) -> Out {
        Out::Obj(self.0)
    }
}

impl ToJson for str {
    fn to_json(&self) -> Out {
        Out::Str(self.to_string())
    }
}
impl ToJson for String {
    fn to_json(&self) -> Out {
        Out::Str(self.clone())
    }
}
impl ToJson for bool {
    fn to_json(&self) -> Out {
        Out::Bool(*self)
    }
}
macro_rules! unsigned_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Out {
                Out::Num(self.to_string())
            }
        }
    )*};
}
unsigned_to_json!(u8, u16, u32, u64, usize);

/// The shortest JSON number, as serde_json writes it: `2`, `0.5`, `91.39`.
impl ToJson for Dec2 {
    fn to_json(&self) -> Out {
        let (sign, abs) = if self.0 < 0 {
            ("-", -self.0)
        } else {
            ("", self.0)
        };
        let (int, frac) = (abs / 100, abs % 100);
        Out::Num(match frac {
            0 => format!("{sign}{int}"),
            f if f % 10 == 0 => format!("{sign}{int}.{}", f / 10),
            f => format!("{sign}{int}.{f:02}"),
        })
    }
}
impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Out {
        self.as_ref().map_or(Out::Null, T::to_json)
    }
}
impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Out {
        Out::Arr(self.iter().map(T::to_json).collect())
    }
}
impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Out {
        self.as_slice().to_json()
    }
}
impl ToJson for BTreeSet<String> {
    fn to_json(&self) -> Out {
        Out::Arr(self.iter().map(|s| s.to_json()).collect())
    }
}
impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn to_json(&self) -> Out {
        Out::Obj(self.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
    }
}

impl ToJson for Out {
    fn to_json(&self) -> Out {
        self.clone()
    }
}

/// serde_json's string escapes: `"`, `\`, and control characters.
pub fn escape_into(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = c as usize;
                out.push_str("\\u00");
                out.push(HEX[b >> 4] as char);
                out.push(HEX[b & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Out {
    /// Two-space indented, keys in the order given (serde_json's pretty).
    pub fn pretty(&self) -> String {
        let mut s = String::new();
        self.write(&mut s, Some(0));
        s
    }

    /// No whitespace, keys in the order given.
    pub fn compact(&self) -> String {
        let mut s = String::new();
        self.write(&mut s, None);
        s
    }

    /// The same tree with every object's keys sorted (as serde_json's map
    /// without `preserve_order` holds them).
    pub fn sorted(self) -> Out {
        match self {
            Out::Arr(a) => Out::Arr(a.into_iter().map(Out::sorted).collect()),
            Out::Obj(mut o) => {
                crate::engine::sort_by(&mut o, &|a, b| a.0.cmp(&b.0));
                Out::Obj(o.into_iter().map(|(k, v)| (k, v.sorted())).collect())
            }
            x => x,
        }
    }

    /// Sorted keys, no whitespace, leaving out the top-level `skip` keys:
    /// the same text as [`canonical`] gives for this tree once parsed.
    pub fn canonical(&self, skip: &[&str]) -> String {
        let mut t = self.clone();
        if let Out::Obj(o) = &mut t {
            o.retain(|(k, _)| !skip.contains(&k.as_str()));
        }
        t.sorted().compact()
    }

    /// Replaces the value of `key` in an object.
    pub fn set(&mut self, key: &str, v: Out) {
        if let Out::Obj(o) = self {
            if let Some(slot) = o.iter_mut().find(|(k, _)| k == key) {
                slot.1 = v;
            }
        }
    }

    fn write(&self, s: &mut String, indent: Option<usize>) {
        match self {
            Out::Null => s.push_str("null"),
            Out::Bool(b) => s.push_str(if *b { "true" } else { "false" }),
            Out::Num(n) => s.push_str(n),
            Out::Str(t) => escape_into(t, s),
            Out::Arr(a) => write_seq(s, indent, '[', ']', a.len(), |s, i, ind| a[i].write(s, ind)),
            Out::Obj(o) => write_seq(s, indent, '{', '}', o.len(), |s, i, ind| {
                escape_into(&o[i].0, s);
                s.push_str(if ind.is_some() { ": " } else { ":" });
                o[i].1.write(s, ind);
            }),
        }
    }
}

fn write_seq(
    s: &mut String,
    indent: Option<usize>,
    open: char,
    close: char,
    len: usize,
    mut item: impl FnMut(&mut String, usize, Option<usize>),
) {
    s.push(open);
    if len == 0 {
        s.push(close);
        return;
    }
    let inner = indent.map(|n| n + 1);
    for i in 0..len {
        if i > 0 {
            s.push(',');
        }
        if let Some(n) = inner {
            s.push('\n');
            s.push_str(&"  ".repeat(n));
        }
        item(s, i, inner);
    }
    if let Some(n) = indent {
        s.push('\n');
        s.push_str(&"  ".repeat(n));
    }
    s.push(close);
}

/// A parsed tree, printed with no whitespace and keys sorted, leaving out
/// the top-level `skip` keys: the canonical text that checksums cover.
pub fn canonical(v: &Value, skip: &[&str]) -> String {
    let mut s = String::new();
    canonical_into(v, skip, &mut s);
    s
}

fn canonical_into(v: &Value, skip: &[&str], s: &mut String) {
    match v {
        Value::Null => s.push_str("null"),
        Value::Bool(b) => s.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => s.push_str(&n.to_string()),
        Value::String(t) => escape_into(t, s),
        Value::Array(a) => {
            s.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                canonical_into(x, &[], s);
            }
            s.push(']');
        }
        Value::Object(o) => {
            // serde_json's map (no `preserve_order`) is sorted by key.
            s.push('{');
            let mut first = true;
            for (k, x) in o.iter().filter(|(k, _)| !skip.contains(&k.as_str())) {
                if !first {
                    s.push(',');
                }
                first = false;
                escape_into(k, s);
                s.push(':');
                canonical_into(x, &[], s);
            }
            s.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_serde_json() {
        let text =
            r#"{"b":[1,2.5,{"x":null}],"a":"q\"\\\n\u0001é","c":{},"d":[],"e":true,"f":-0.75}"#;
        let v = parse(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(canonical(&v, &[]), serde_json::to_string(&theirs).unwrap());
        assert_eq!(
            canonical(&v, &["b", "c"]),
            r#"{"a":"q\"\\\n\u0001é","d":[],"e":true,"f":-0.75}"#
        );
        let out = obj_out()
            .f("z", &Dec2(-75))
            .f("a", &vec![Dec2(200), Dec2(250), Dec2(9139)])
            .f("m", &BTreeMap::<String, u32>::new())
            .f("s", "x\ty")
            .f("n", &None::<u32>)
            .done();
        assert_eq!(
            out.compact(),
            r#"{"z":-0.75,"a":[2,2.5,91.39],"m":{},"s":"x\ty","n":null}"#
        );
        assert_eq!(
            out.clone().sorted().compact(),
            r#"{"a":[2,2.5,91.39],"m":{},"n":null,"s":"x\ty","z":-0.75}"#
        );
    }

    #[test]
    fn pretty_layout_matches_serde_json() {
        let out = obj_out()
            .f("a", &vec![1u32, 2])
            .f("b", &Vec::<u32>::new())
            .f("c", &obj_out().f("d", "e").done())
            .done();
        let v: serde_json::Value = serde_json::from_str(&out.compact()).unwrap();
        // Same keys order here (a, b, c), so serde_json's sorted map agrees.
        assert_eq!(out.pretty(), serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn reading_errors_name_the_field() {
        #[derive(Debug)]
        struct P {
            _year: u16,
        }
        impl FromJson for P {
            fn from_json(v: &Value) -> Result<Self> {
                let mut o = obj(v)?;
                let p = P {
                    _year: o.req("year"),
                };
                o.done(p)
            }
        }
        let e = |t: &str| read::<Vec<P>>(t).unwrap_err();
        assert_eq!(e(r#"[{"year": 2025}, {}]"#), "thiếu trường \"[1].year\"");
        assert_eq!(e(r#"[{"year": 70000}]"#), "trường \"[0].year\": số quá lớn");
        assert_eq!(
            e(r#"[{"year": -1}]"#),
            "trường \"[0].year\": cần một số nguyên không âm"
        );
        assert_eq!(
            e(r#"[{"year": "2025"}]"#),
            "trường \"[0].year\": cần một số nguyên không âm"
        );
        assert_eq!(e(r#"{"year": 1}"#), "cần một danh sách [ … ]");
        assert_eq!(e("["), "hết dữ liệu giữa chừng (dòng 1, cột 2)");
        let dec = |t: &str| Dec2::from_json(&parse(t).unwrap());
        assert_eq!(dec("0.75"), Ok(Dec2(75)));
        assert_eq!(dec("3"), Ok(Dec2(300)));
        assert_eq!(dec("7.50"), Ok(Dec2(750)));
        assert_eq!(dec("75e-2"), Ok(Dec2(75)));
        assert!(dec("0.125").is_err());
        assert!(dec("1e300").is_err());
        assert!(dec("\"1\"").is_err());
        assert_eq!(dec("18446744073709551615"), Err(Error::new("số quá lớn")));
    }

    #[test]
    fn json_round_trip_is_shortest_and_refuses_three_decimals() {
        assert_eq!(Dec2(200).to_json().compact(), "2");
        assert_eq!(Dec2(75).to_json().compact(), "0.75");
        assert_eq!(Dec2(9139).to_json().compact(), "91.39");
        assert_eq!(Dec2(-5).to_json().compact(), "-0.05");
        assert_eq!(Dec2(-150).to_json().compact(), "-1.5");
        assert_eq!(read::<Dec2>("0.75"), Ok(Dec2(75)));
        assert_eq!(read::<Dec2>("3"), Ok(Dec2(300)));
        assert_eq!(read::<Dec2>("-1.5"), Ok(Dec2(-150)));
        assert!(read::<Dec2>("0.125").is_err());
        assert!(read::<Dec2>("1e300").is_err());
        assert!(read::<Dec2>("\"1\"").is_err());
    }
}
