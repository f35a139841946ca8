//! The outsourcing dossier as PDF, typeset in-process by typst with its own fonts compiled in
//! (nothing is fetched). The content is a [`Dossier`] — chapters of paragraphs, notes, lists,
//! tables and SVG figures with their alt text — handed to one typst template as JSON, so text is
//! always set as text and never read as markup. The PDF is tagged and conforms to PDF/UA-1
//! (document language and title, alt text on every figure, table headers).

use regisseur_domain::Lang;
use serde::Serialize;
use typst::foundations::{Dict, IntoValue, Str};
use typst_as_lib::TypstEngine;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

const TEMPLATE: &str = include_str!("pdf/dossier.typ");

/// One block of a chapter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        text: String,
    },
    Heading {
        text: String,
    },
    /// A remark that stands out (a warning, a missing part).
    Note {
        text: String,
    },
    List {
        items: Vec<String>,
    },
    Table {
        caption: String,
        head: Vec<String>,
        rows: Vec<Vec<String>>,
        /// Per column: right-aligned figures.
        numeric: Vec<bool>,
    },
    /// A chart as a standalone SVG, with the text a screen reader reads instead.
    Figure {
        caption: String,
        alt: String,
        svg: String,
    },
}

/// One chapter; `missing` says plainly what is not there yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chapter {
    pub title: String,
    /// Which state of the data this chapter shows (a version, a date).
    pub version: String,
    pub missing: Option<String>,
    pub blocks: Vec<Block>,
}

/// The whole dossier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dossier {
    pub title: String,
    pub subtitle: String,
    pub organisation: String,
    /// `nl` or `en`.
    pub lang: String,
    /// "Opgesteld op 29 november 2026".
    pub dateline: String,
    pub contents: String,
    pub versions_head: [String; 2],
    /// Per part: its version.
    pub versions: Vec<PartVersion>,
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartVersion {
    pub part: String,
    pub version: String,
}

impl Dossier {
    pub fn new(title: String, organisation: String, lang: Lang) -> Dossier {
        Dossier {
            title,
            subtitle: String::new(),
            organisation,
            lang: lang.code().to_string(),
            dateline: String::new(),
            contents: lang.pick("Inhoud", "Contents").to_string(),
            versions_head: [
                lang.pick("Onderdeel", "Part").to_string(),
                lang.pick("Stand", "Version").to_string(),
            ],
            versions: Vec::new(),
            chapters: Vec::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("typesetting the dossier failed: {0}")]
    Typeset(String),
}

/// The dossier as PDF bytes.
pub fn render(dossier: &Dossier) -> Result<Vec<u8>, PdfError> {
    let data = serde_json::to_string(dossier).map_err(|e| PdfError::Typeset(e.to_string()))?;
    let engine = TypstEngine::builder()
        .main_file(TEMPLATE)
        .fonts(typst_assets::fonts())
        .build();
    let mut inputs = Dict::new();
    inputs.insert(Str::from("data"), Str::from(data.as_str()).into_value());
    let document = engine
        .compile_with_input(inputs)
        .output
        .map_err(|e| PdfError::Typeset(format!("{e:?}")))?;
    let standards =
        PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| PdfError::Typeset(format!("{e:?}")))?;
    let options = PdfOptions {
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|e| {
        PdfError::Typeset(
            e.iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_dossier_typesets_with_its_text_as_text() {
        let mut d = Dossier::new(
            "Uitbestedingsdossier".into(),
            "Gemeente #Voorbeeld [test] *niet vet*".into(),
            Lang::Nl,
        );
        d.dateline = "Opgesteld op 29 november 2026".into();
        d.versions.push(PartVersion {
            part: "Basis".into(),
            version: "stand 29-11-2026".into(),
        });
        d.chapters.push(Chapter {
            title: "Samenvatting".into(),
            version: "stand 29-11-2026".into(),
            missing: None,
            blocks: vec![
                Block::Paragraph {
                    text: "Advies: gereed onder voorwaarden. $x$ = #let".into(),
                },
                Block::Table {
                    caption: "Fasen".into(),
                    head: vec!["Fase".into(), "Dagen".into()],
                    rows: vec![vec!["Transitie".into(), "182".into()]],
                    numeric: vec![false, true],
                },
                Block::Figure {
                    caption: "Een staaf".into(),
                    alt: "Eén blauwe staaf van 100 bij 20.".into(),
                    svg: r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40"><rect x="10" y="10" width="100" height="20" fill="#0072b2"/><text x="120" y="25" font-size="10">staaf</text></svg>"##.into(),
                },
            ],
        });
        d.chapters.push(Chapter {
            title: "Businesscase".into(),
            version: String::new(),
            missing: Some("Er is nog geen businesscase.".into()),
            blocks: Vec::new(),
        });
        let pdf = render(&d).expect("typeset");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() > 1_000);
    }
}
