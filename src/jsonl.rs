//! Reading JSONL input lines as the command line does (SPEC §1), for
//! programs that feed a [`Classifier`](crate::Classifier) from their own
//! readers.
//!
//! ```
//! use netral::jsonl::parse_line;
//! let a = parse_line(br#"{"id":"1","text":"Ayo coblos 02!"}"#, 1 << 20).unwrap();
//! assert_eq!(a.id, "1");
//! let e = parse_line(b"{\"text\": 5}", 1 << 20).unwrap_err();
//! assert!(e.to_string().starts_with("bad record"), "{e}");
//! ```

use crate::model::Activity;

/// Why a line could not be read: a message for the error record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LineError(pub String);

/// Reads one whole line (without its `\n`; a trailing `\r` and a leading
/// byte-order mark are ignored) into an activity. Lines longer than `max`
/// bytes, invalid UTF-8, anything but one JSON object, and wrong field types
/// are errors; a lone surrogate escape is read as U+FFFD.
pub fn parse_line(bytes: &[u8], max: usize) -> Result<Activity, LineError> {
    parse_truncated_line(bytes, bytes.len(), max)
}

/// Reads one line the reader may have cut short: `bytes` holds the first
/// bytes of the line (at most `max + 1` of them, without `\n`) and `total`
/// is its full length, so that an over-long line is refused without being
/// held in memory.
///
/// ```
/// use netral::jsonl::parse_truncated_line;
/// let long = vec![b'x'; 11];
/// let err = parse_truncated_line(&long, 5_000, 10).unwrap_err();
/// assert_eq!(err.to_string(), "line is 5000 bytes, over the limit of 10 (--max-line-bytes)");
/// ```
pub fn parse_truncated_line(bytes: &[u8], total: usize, max: usize) -> Result<Activity, LineError> {
    // a CRLF line's `\r` is not part of the record
    let cr = bytes.len() == total && bytes.last() == Some(&b'\r');
    let len = total - usize::from(cr);
    if len > max {
        return Err(LineError(format!(
            "line is {len} bytes, over the limit of {max} (--max-line-bytes)"
        )));
    }
    let mut b = bytes.get(..len).unwrap_or(bytes);
    // a byte-order mark: at the start of the file, or of a file concatenated onto another
    b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    let s = match std::str::from_utf8(b) {
        Ok(s) => s,
        Err(e) => {
            return Err(LineError(format!(
                "invalid UTF-8 at byte {}",
                e.valid_up_to()
            )))
        }
    };
    let Some(first) = s.trim_start().chars().next() else {
        return Err(LineError("empty line (expected one JSON object)".into()));
    };
    if first != '{' {
        return Err(LineError(format!(
            "bad JSON: expected one JSON object per line, found {first:?} at the start"
        )));
    }
    match serde_json::from_str::<Activity>(s) {
        Ok(a) => Ok(a),
        Err(e) => {
            // JSON allows a lone surrogate escape (`"\ud800"`, a string cut in
            // the middle of an emoji); a Rust string cannot hold one, so read
            // it as U+FFFD rather than losing the record.
            if e.is_syntax() {
                if let Some(fixed) = repair_surrogates(s) {
                    if let Ok(a) = serde_json::from_str::<Activity>(&fixed) {
                        return Ok(a);
                    }
                }
            }
            Err(LineError(json_error(&e)))
        }
    }
}

/// serde_json's message without its "at line 1 column N" (the line is
/// always 1 here and would be confused with the input line).
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = msg.strip_suffix(&suffix).unwrap_or(&msg);
    let what = if e.is_data() {
        "bad record"
    } else {
        "bad JSON"
    };
    format!("{what}: {msg} (at byte column {})", e.column())
}

/// Replaces `\uXXXX` escapes of surrogates that do not form a pair with
/// `\ufffd`; None when there are none.
fn repair_surrogates(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let hex = |j: usize| {
        let h = s.get(j..j + 4)?;
        if h.bytes().all(|c| c.is_ascii_hexdigit()) {
            u16::from_str_radix(h, 16).ok()
        } else {
            None
        }
    };
    let is_high = |h: u16| (0xD800..0xDC00).contains(&h);
    let is_low = |h: u16| (0xDC00..0xE000).contains(&h);
    let mut out = String::new();
    let (mut i, mut last, mut in_str) = (0usize, 0usize, false);
    while i < b.len() {
        match b[i] {
            b'"' => {
                in_str = !in_str;
                i += 1;
            }
            b'\\' if in_str => {
                let unit = if b.get(i + 1) == Some(&b'u') {
                    hex(i + 2)
                } else {
                    None
                };
                match unit {
                    Some(h) if is_high(h) => {
                        let paired = b.get(i + 6) == Some(&b'\\')
                            && b.get(i + 7) == Some(&b'u')
                            && hex(i + 8).is_some_and(is_low);
                        if paired {
                            i += 12;
                        } else {
                            out.push_str(&s[last..i]);
                            out.push_str("\\ufffd");
                            i += 6;
                            last = i;
                        }
                    }
                    Some(h) if is_low(h) => {
                        out.push_str(&s[last..i]);
                        out.push_str("\\ufffd");
                        i += 6;
                        last = i;
                    }
                    Some(_) => i += 6,
                    None => i += 2,
                }
            }
            _ => i += 1,
        }
    }
    if last == 0 {
        return None;
    }
    out.push_str(&s[last..]);
    Some(out)
}
