//! A JSON tree and its parser: what `serde_json::Value` gave, at a fraction
//! of the bundle (no float formatting or parsing, no generic serde code),
//! with errors in Vietnamese that give the line and column.
//!
//! Numbers keep their text; objects are sorted by key with the last of a
//! repeated key kept, as `serde_json::Map` does. Canonical printing (for
//! checksums) writes numbers as serde_json does for every number this app
//! writes and for any decimal of up to 15 significant digits.

use std::collections::BTreeMap;
use std::fmt;

pub type Map = BTreeMap<String, Value>;

#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    /// A number as written (checked to be a JSON number).
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// A whole number without sign, exponent or fraction, within `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        if self.0.bytes().all(|b| b.is_ascii_digit()) {
            self.0.parse().ok()
        } else {
            None
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        let t = self.0.strip_prefix('-').unwrap_or(&self.0);
        if t.bytes().all(|b| b.is_ascii_digit()) {
            self.0.parse().ok()
        } else {
            None
        }
    }

    /// (negative, significant digits without leading or trailing zeros,
    /// exponent): the value is `0.d1d2… × 10^exp`. Digits empty for 0.
    fn decimal(&self) -> (bool, String, i64) {
        let t = &self.0;
        let (neg, t) = match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t.as_str()),
        };
        let (mant, exp) = match t.find(['e', 'E']) {
            Some(i) => (&t[..i], t[i + 1..].parse::<i64>().unwrap_or(0)),
            None => (t, 0),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        let all: String = int.chars().chain(frac.chars()).collect();
        let lead = all.len() - all.trim_start_matches('0').len();
        let digits = all.trim_matches('0').to_string();
        let point = int.len() as i64 - lead as i64 + exp;
        (neg, digits, point)
    }

    /// The value in hundredths, when it has no more than two decimals and
    /// fits: exact, no float on the way.
    pub fn hundredths(&self) -> Option<i64> {
        let (neg, digits, point) = self.decimal();
        if digits.is_empty() {
            return Some(0);
        }
        // value = 0.digits × 10^point; × 100 → 0.digits × 10^(point + 2)
        let scale = point + 2;
        if scale < digits.len() as i64 || scale > 18 {
            return None;
        }
        let mut v: i64 = digits.parse().ok()?;
        for _ in 0..(scale - digits.len() as i64) {
            v = v.checked_mul(10)?;
        }
        Some(if neg { -v } else { v })
    }

    /// As `serde_json` prints the number it parsed: integers as written,
    /// other numbers as the shortest decimal (`0.5`, `100.0`, `1e+21`,
    /// `1e-6`).
    fn canonical(&self) -> String {
        // serde_json reads "-0" as a float: "-0.0".
        if self.0 != "-0" && (self.as_u64().is_some() || self.as_i64().is_some()) {
            return self.0.clone();
        }
        let (neg, digits, point) = self.decimal();
        let sign = if neg { "-" } else { "" };
        if digits.is_empty() {
            return format!("{sign}0.0");
        }
        let n = digits.len() as i64;
        // ryu's layout: plain for 1e-5 <= |x| < 1e16, else scientific.
        let e = point - 1;
        if (-5..16).contains(&e) {
            if point <= 0 {
                format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
            } else if point >= n {
                format!("{sign}{digits}{}.0", "0".repeat((point - n) as usize))
            } else {
                let (a, b) = digits.split_at(point as usize);
                format!("{sign}{a}.{b}")
            }
        } else {
            let (a, b) = digits.split_at(1);
            let b = if b.is_empty() {
                String::new()
            } else {
                format!(".{b}")
            };
            let plus = if e > 0 { "+" } else { "" };
            format!("{sign}{a}{b}e{plus}{e}")
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

impl Value {
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

/// Why a text is not JSON, and where (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

impl ParseError {
    pub fn line(&self) -> usize {
        self.line
    }
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (dòng {}, cột {})",
            self.message, self.line, self.column
        )
    }
}

/// Deeper than this is refused (a file of ours nests about 8 levels).
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

/// Parses a whole text as one JSON value.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("còn ký tự thừa sau khi hết dữ liệu JSON"));
    }
    Ok(v)
}

impl Parser<'_> {
    fn err(&self, message: &'static str) -> ParseError {
        let upto = &self.s[..self.i.min(self.s.len())];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        // Columns count characters, not bytes.
        let column = std::str::from_utf8(&upto[start..])
            .map_or(upto.len() - start, |t| t.chars().count())
            + 1;
        ParseError {
            line,
            column,
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn lit(&mut self, word: &[u8], v: Value) -> Result<Value, ParseError> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("giá trị không hợp lệ"))
        }
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        match self.peek() {
            None => Err(self.err("hết dữ liệu giữa chừng")),
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.lit(b"true", Value::Bool(true)),
            Some(b'f') => self.lit(b"false", Value::Bool(false)),
            Some(b'n') => self.lit(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("giá trị không hợp lệ")),
        }
    }

    fn nested(
        &mut self,
        f: fn(&mut Self) -> Result<Value, ParseError>,
    ) -> Result<Value, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("dữ liệu lồng nhau quá sâu"));
        }
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn object(&mut self) -> Result<Value, ParseError> {
        self.i += 1;
        let mut m = Map::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(m));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.err("cần tên trường trong dấu ngoặc kép"));
            }
            let k = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.err("cần dấu hai chấm sau tên trường"));
            }
            self.i += 1;
            self.ws();
            let v = self.value()?;
            m.insert(k, v);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(m));
                }
                None => return Err(self.err("hết dữ liệu giữa chừng")),
                _ => return Err(self.err("cần dấu phẩy hoặc dấu đóng }")),
            }
        }
    }

    fn array(&mut self) -> Result<Value, ParseError> {
        self.i += 1;
        let mut a = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(a));
        }
        loop {
            self.ws();
            a.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(a));
                }
                None => return Err(self.err("hết dữ liệu giữa chừng")),
                _ => return Err(self.err("cần dấu phẩy hoặc dấu đóng ]")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i - from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            self.i = int_start + n.min(1);
            return Err(self.err("số không hợp lệ"));
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err("số không hợp lệ"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("số không hợp lệ"));
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("0");
        Ok(Value::Number(Number(text.to_string())))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|t| u32::from_str_radix(t, 16).ok())
            .ok_or_else(|| self.err("mã \\u không hợp lệ"))?;
        self.i += 4;
        Ok(h)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // The text is valid UTF-8 and the run stops at ASCII bytes.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).unwrap_or(""));
            match self.peek() {
                None => return Err(self.err("chuỗi ký tự chưa đóng")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self
                        .peek()
                        .ok_or_else(|| self.err("chuỗi ký tự chưa đóng"))?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err(self.err("mã \\u không hợp lệ"));
                                }
                                self.i += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.err("mã \\u không hợp lệ"));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.err("mã \\u không hợp lệ"))?,
                            );
                        }
                        _ => return Err(self.err("ký tự thoát (\\) không hợp lệ")),
                    }
                }
                Some(_) => return Err(self.err("ký tự điều khiển trong chuỗi")),
            }
        }
    }
}
