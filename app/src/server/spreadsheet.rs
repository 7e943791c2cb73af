//! Every CSV the portal writes (a customer's archive, the admin export, the
//! request register) goes through [`SafeCsv`]: a cell that a spreadsheet
//! would run as a formula (OWASP "CSV injection") starts with an apostrophe,
//! which spreadsheets show as text and do not evaluate.
use std::{borrow::Cow, io::Write};

/// The first characters that make a spreadsheet read a cell as a formula
/// (or, tab and carriage return, that some strip before doing so).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `value`, or `'value` when a spreadsheet would evaluate it.
pub fn guard_cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some(c) if FORMULA_STARTS.contains(&c) => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// A CSV writer whose every cell is guarded by [`guard_cell`].
pub struct SafeCsv<W: Write>(csv::Writer<W>);

impl<W: Write> SafeCsv<W> {
    pub fn from_writer(out: W) -> Self {
        SafeCsv(csv::Writer::from_writer(out))
    }

    pub fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.0.write_record(
            record
                .into_iter()
                .map(|v| guard_cell(v.as_ref()).into_owned()),
        )
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }

    /// The output, once every record is written out.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.0.into_inner().map_err(|e| e.into_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_plain_values_kept() {
        for (payload, written) in [
            (
                "=HYPERLINK(\"http://evil.example\",\"x\")",
                "'=HYPERLINK(\"http://evil.example\",\"x\")",
            ),
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
        ] {
            assert_eq!(guard_cell(payload), written);
        }
        for plain in ["Complex request", "", "a=b", "1-2", "'quoted", "é=mc²"] {
            assert_eq!(guard_cell(plain), plain);
        }
    }

    #[test]
    fn every_cell_of_every_record_is_guarded() {
        let mut out = SafeCsv::from_writer(Vec::new());
        out.write_record(["=1+1", "plain", "@A1"]).unwrap();
        out.write_record(vec![String::from("-3"), String::from("x"), String::new()])
            .unwrap();
        let text = String::from_utf8(out.into_inner().unwrap()).unwrap();
        assert_eq!(text, "'=1+1,plain,'@A1\n'-3,x,\n");
    }
}
