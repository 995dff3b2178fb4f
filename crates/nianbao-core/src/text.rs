//! Text helpers, in one place for the rules, the importers and the app:
//! folding, sentences, headings, years, numbers in prose, names of bodies
//! and word characters.

/// Folds the variants agencies type into one form: full-width digits,
/// letters, `％` and `．` become ASCII, and all whitespace goes (Chinese
/// text has no meaningful spaces; "2023 年" and "2023年" are the same).
pub fn fold(text: &str) -> String {
    // Folding never lengthens a text: one allocation.
    let mut out = String::with_capacity(text.len());
    out.extend(fold_chars(text));
    out
}

/// The characters of [`fold`], without making a string.
pub fn fold_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    })
}

/// How many of `text`'s sentences appear unchanged in `earlier`, of how
/// many count: sentences compared folded, at least 8 characters, headings
/// left out (the template's headings repeat every year by design). The
/// cross-year rules that catch a copied text use this.
pub fn repeated_sentences(text: &str, earlier: &str) -> (usize, usize) {
    const MIN_SENTENCE_CHARS: usize = 8;
    let keys = |text: &'_ str| -> Vec<u64> {
        sentences(text)
            .filter(|s| !is_heading(s))
            .map(sentence_key)
            .filter(|&(_, chars)| chars >= MIN_SENTENCE_CHARS)
            .map(|(key, _)| key)
            .collect()
    };
    let ours = keys(text);
    if ours.is_empty() {
        return (0, 0);
    }
    let theirs: std::collections::HashSet<u64> = keys(earlier).into_iter().collect();
    (ours.iter().filter(|k| theirs.contains(*k)).count(), ours.len())
}

/// A sentence as a key for comparing texts: the FNV-1a hash of its folded
/// characters, and how many there are. Comparing keys instead of folded
/// strings saves making a string per sentence (64 bits: two different
/// sentences of two reports share a key with a chance of about 1 in 10^17).
pub fn sentence_key(sentence: &str) -> (u64, usize) {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut count = 0;
    for c in fold_chars(sentence) {
        hash = (hash ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
        count += 1;
    }
    (hash, count)
}

/// Whether two names denote the same body.
pub fn same_body(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && !b.is_empty() && (a.ends_with(&b) || b.ends_with(&a))
}

/// Splits text into sentences at 。！？； and line breaks, keeping the
/// delimiter out; empty pieces are dropped.
// A closure, not a char array: `matches!` compiles to a jump, an array
// pattern to a loop per character, and this runs over every sentence.
#[allow(clippy::manual_pattern_char_comparison)]
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| matches!(c, '。' | '！' | '？' | '；' | ';' | '\n' | '!' | '?'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Splits a sentence into clauses at commas, colons and brackets.
#[allow(clippy::manual_pattern_char_comparison)]
pub fn clauses(sentence: &str) -> impl Iterator<Item = &str> {
    sentence.split(['，', ',', '：', ':', '（', '）', '(', ')', '、']).map(str::trim).filter(|s| !s.is_empty())
}

/// A heading of its own line, such as （一）存在问题 or 二、改进措施: an
/// enumerator, then a few words with no sentence punctuation.
pub fn is_heading(line: &str) -> bool {
    // Every sentence of section 一 is asked: a match, not a string search.
    let numeral = |c: char| {
        matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十') || c.is_ascii_digit()
    };
    let line = line.trim();
    let rest = if let Some(inner) = line.strip_prefix(['（', '(']) {
        let end = inner.find(['）', ')']);
        match end {
            Some(end) if end > 0 && inner[..end].chars().all(numeral) => {
                &inner[end + inner[end..].chars().next().map_or(0, char::len_utf8)..]
            }
            _ => return false,
        }
    } else {
        let head = line.char_indices().find(|&(_, c)| !numeral(c)).map_or(line.len(), |(at, _)| at);
        match line[head..].strip_prefix(['、', '.', '．']) {
            Some(rest) if head > 0 => rest,
            _ => return false,
        }
    };
    !rest.contains(['。', '；', '！', '？', ';']) && rest.trim().chars().count() <= 20
}

/// Letters, digits and 汉字; not spaces or punctuation. (Not
/// `char::is_alphanumeric`: its Unicode tables would cost every visitor
/// several kB of wasm, and reports are Chinese and ASCII.)
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{3400}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

/// The four-digit years (1900–2099) written in a text, in Arabic digits or
/// in Chinese numerals (二〇二四年, also written 二○二四年 with a circle, or
/// a letter O). Full-width digits count as digits.
pub fn years(text: &str) -> Vec<i64> {
    years_of(text, false)
}

/// The years written in a text as `years` finds them, but only those
/// followed by 年: in a sentence of counts, 2050 件 is a count.
pub fn years_before_nian(text: &str) -> Vec<i64> {
    years_of(text, true)
}

fn years_of(text: &str, need_nian: bool) -> Vec<i64> {
    fn digit(c: char) -> Option<(u32, bool)> {
        match c {
            '0'..='9' => Some((c as u32 - '0' as u32, false)),
            '０'..='９' => Some((c as u32 - '０' as u32, false)),
            '〇' | '零' | '○' | '◯' | 'Ｏ' | 'O' | 'o' => Some((0, true)),
            '一' => Some((1, true)),
            '二' => Some((2, true)),
            '三' => Some((3, true)),
            '四' => Some((4, true)),
            '五' => Some((5, true)),
            '六' => Some((6, true)),
            '七' => Some((7, true)),
            '八' => Some((8, true)),
            '九' => Some((9, true)),
            _ => None,
        }
    }
    let mut found = Vec::new();
    // The current run of digits: its value, length, and whether it began
    // with a Chinese numeral; spaces are skipped (`2024 年` is a year).
    let mut value = 0i64;
    let mut length = 0;
    let mut chinese = false;
    let mut finish = |value: i64, length: usize, chinese: bool, next: Option<char>| {
        // Chinese numerals are only a year when 年 follows.
        if length == 4 && (!(chinese || need_nian) || next == Some('年')) && (1900..2100).contains(&value) {
            found.push(value);
        }
    };
    let mut chars = text.chars().filter(|c| !c.is_whitespace()).peekable();
    while let Some(c) = chars.next() {
        match digit(c) {
            Some((d, is_chinese)) if length == 0 || is_chinese == chinese => {
                if length == 0 {
                    chinese = is_chinese;
                }
                value = value * 10 + i64::from(d);
                length += 1;
                let next = chars.peek().copied();
                if next.and_then(digit).is_none_or(|(_, n)| n != chinese) {
                    finish(value, length, chinese, next);
                    value = 0;
                    length = 0;
                }
            }
            _ => {
                value = 0;
                length = 0;
            }
        }
    }
    found
}

/// A number written in Arabic digits at the start of `text` (commas between
/// digit groups and one decimal point allowed); returns it and its length in
/// bytes.
pub fn leading_number(text: &str) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut end = 0;
    let mut digits = String::new();
    let mut seen_point = false;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            digits.push(b as char);
        } else if b == b',' && !digits.is_empty() && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            // A thousands separator.
        } else if b == b'.' && !seen_point && !digits.is_empty() && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            seen_point = true;
            digits.push('.');
        } else {
            break;
        }
        end += 1;
    }
    if digits.is_empty() {
        return None;
    }
    crate::decimal::value(&digits).map(|n| (n, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_keys_are_equal_exactly_when_the_folded_sentences_are() {
        let same = [("2024 年共收到申请 ２１ 件", "2024年共收到申请21件"), ("办结率１００％", "办结率 100%")];
        for (a, b) in same {
            assert_eq!(sentence_key(a), sentence_key(b), "{a} / {b}");
            assert_eq!(sentence_key(a).1, fold(a).chars().count());
        }
        let different = [("共收到申请 21 件", "共收到申请 12 件"), ("本年新收", "本年新收。"), ("ab", "ba")];
        for (a, b) in different {
            assert_ne!(sentence_key(a), sentence_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("２０２４ 年 共 受理 ３ 件，办结率 100％"), "2024年共受理3件，办结率100%");
    }

    #[test]
    fn years_in_titles() {
        assert_eq!(years("高新技术产业开发区管理办公室 2024 年政府信息公开工作年度报告"), [2024]);
        assert_eq!(years("二〇二三年政府信息公开工作年度报告"), [2023]);
        assert_eq!(years("政府信息公开工作年度报告（２０２２）"), [2022]);
        assert!(years("政府信息公开工作年度报告").is_empty());
        assert!(years("电话 0517-87222589").is_empty());
        assert!(years("一二三四五").is_empty());
    }

    #[test]
    fn numbers() {
        assert_eq!(leading_number("3,119件"), Some((3119.0, 5)));
        assert_eq!(years("二○二四年政府信息公开工作年度报告"), vec![2024]);
        assert_eq!(years("二O二三年度"), vec![2023]);
        assert_eq!(years_before_nian("共受理申请2050件，2024年"), vec![2024]);
        assert_eq!(years("报告（2024）"), vec![2024]);
        for heading in ["（一）存在问题", "(二)改进措施", "一、总体情况", "1.主要问题", "（三）下一步工作打算"]
        {
            assert!(is_heading(heading), "{heading}");
        }
        for line in
            ["无", "一是公开意识有待进一步提升。", "（一）存在问题：一是公开意识不强；二是……", "2024年，本机关共受理"]
        {
            assert!(!is_heading(line), "{line}");
        }
        assert_eq!(leading_number("96.5%"), Some((96.5, 4)));
        assert_eq!(leading_number("12."), Some((12.0, 2)));
        assert_eq!(leading_number("件"), None);
    }

    #[test]
    fn names() {
        assert!(same_body("洪泽区人民政府", "淮安市洪泽区人民政府"));
        assert!(same_body("淮安市 洪泽区人民政府", "洪泽区人民政府"));
        assert!(!same_body("洪泽区人民政府", "淮安市人民政府"));
        assert!(!same_body("", "淮安市人民政府"));
    }
}

/// Where the first byte of `bytes` that `marks` marks is, eight bytes at a
/// step (section 一 and a report's strings are thousands of bytes, and the
/// rules and the JSON reader look for a few byte values in all of them).
/// `marks` sets the high bit of each byte of a word (read little endian)
/// that is one, exact at least for the lowest ([`byte_is`], [`byte_below`];
/// the other bits are masked off here, once); `is` says the same of one
/// byte, for the last few.
pub(crate) fn first_marked(bytes: &[u8], marks: impl Fn(u64) -> u64, is: impl Fn(u8) -> bool) -> Option<usize> {
    let at = marked_run(bytes, marks, is);
    (at < bytes.len()).then_some(at)
}

/// How many bytes from the start of `bytes` are not marked (see
/// [`first_marked`]): all of them when none is.
pub(crate) fn marked_run(bytes: &[u8], marks: impl Fn(u64) -> u64, is: impl Fn(u8) -> bool) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let hits = marks(u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default())) & (ONES * 0x80);
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let rest = chunks.remainder();
    at + rest.iter().position(|&b| is(b)).unwrap_or(rest.len())
}

const ONES: u64 = u64::from_ne_bytes([1; 8]);

/// The high bit of each byte of `x` below `n` (at most 0x80), exact for the
/// lowest such byte: a borrow only ever runs upward from a byte that is one.
/// Only the high bits mean anything ([`first_marked`] keeps only them).
pub(crate) const fn byte_below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(ONES * n as u64) & !x
}

/// The high bit of each byte of `x` that is `b`, exact for the lowest.
pub(crate) const fn byte_is(x: u64, b: u8) -> u64 {
    byte_below(x ^ (ONES * b as u64), 1)
}

/// Where the first byte of `bytes` that is one of `set` is.
pub(crate) fn position_of_any<const N: usize>(bytes: &[u8], set: [u8; N]) -> Option<usize> {
    first_marked(bytes, |x| set.iter().fold(0, |marks, &b| marks | byte_is(x, b)), |b| set.contains(&b))
}

/// Where the first ASCII digit of `bytes`, or byte `other`, is (a digit is
/// a byte that XOR 0x30 is below 10).
pub(crate) fn position_of_digit_or(bytes: &[u8], other: u8) -> Option<usize> {
    first_marked(bytes, |x| byte_below(x ^ (ONES * 0x30), 10) | byte_is(x, other), |b| b.is_ascii_digit() || b == other)
}

#[cfg(test)]
mod position_tests {
    proptest::proptest! {
        /// Eight at a time finds what a byte-by-byte scan finds, on any
        /// bytes, wherever the first one falls.
        #[test]
        fn position_of_any_finds_what_a_byte_scan_finds(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            set in proptest::prelude::any::<[u8; 4]>(),
        ) {
            let by_bytes = bytes.iter().position(|b| set.contains(b));
            proptest::prop_assert_eq!(super::position_of_any(&bytes, set), by_bytes);
        }

        /// The same for a digit or one other byte.
        #[test]
        fn position_of_digit_or_finds_what_a_byte_scan_finds(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            other in proptest::prelude::any::<u8>(),
        ) {
            let by_bytes = bytes.iter().position(|&b| b.is_ascii_digit() || b == other);
            proptest::prop_assert_eq!(super::position_of_digit_or(&bytes, other), by_bytes);
        }
    }
}
