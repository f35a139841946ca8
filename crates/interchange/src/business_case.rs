//! The business case as a file: the TOML the CLI reads and the editor imports and exports
//! (every problem named with its key path and line), and the workbook a controller checks by
//! hand — the inputs, and the yearly table with its totals, present values and the net present
//! value as Excel formulas over the figures.

use crate::toml_file::KeyProblem;
use regisseur_domain::Lang;
use regisseur_domain::business_case::{Amount, Input, MonteCarlo, Outcome, Scenario, TornadoBar};
use rust_xlsxwriter::{Color, Format, Formula, Workbook, Worksheet, XlsxError};

/// Reads and checks a business case written as TOML.
pub fn read_toml(text: &str, lang: Lang) -> Result<Input, Vec<KeyProblem>> {
    crate::toml_file::read(text, Input::check, lang)
}

/// The business case as TOML, in the structure [`read_toml`] reads.
pub fn to_toml(input: &Input) -> Result<String, String> {
    crate::toml_file::write(input)
}

/// The uncertainty analysis to put in the workbook, when the case has ranges.
pub struct Uncertainty<'a> {
    pub monte_carlo: &'a MonteCarlo,
    pub seed: u64,
    pub tornado: &'a [TornadoBar],
}

struct Formats {
    bold: Format,
    header: Format,
    money: Format,
    money_bold: Format,
    rate: Format,
    factor: Format,
}

impl Formats {
    fn new() -> Formats {
        let money = "#,##0.00";
        Formats {
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE6_EE_F5))
                .set_text_wrap(),
            money: Format::new().set_num_format(money),
            money_bold: Format::new().set_num_format(money).set_bold(),
            rate: Format::new().set_num_format("0.00%"),
            factor: Format::new().set_num_format("0.000000"),
        }
    }
}

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    lang.pick(nl, en)
}

/// Writes an amount as min, most likely, max in three columns (min and max empty when fixed).
fn write_amount(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    amount: Amount,
    f: &Formats,
) -> Result<(), XlsxError> {
    match amount {
        Amount::Fixed(v) => {
            sheet.write_number_with_format(row, col + 1, v, &f.money)?;
        }
        Amount::Range {
            min,
            waarschijnlijk,
            max,
        } => {
            sheet.write_number_with_format(row, col, min, &f.money)?;
            sheet.write_number_with_format(row, col + 1, waarschijnlijk, &f.money)?;
            sheet.write_number_with_format(row, col + 2, max, &f.money)?;
        }
    }
    Ok(())
}

fn header_row(
    sheet: &mut Worksheet,
    row: u32,
    titles: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, *title, &f.header)?;
    }
    Ok(())
}

/// Where the inputs the yearly sheet's formulas refer to are.
const RATE_CELL: &str = "Invoer!$B$5";
const DIRECTION_CELL: &str = "Invoer!$B$8";

fn inputs_sheet(
    sheet: &mut Worksheet,
    input: &Input,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("Invoer")?;
    sheet.set_column_width(0, 34)?;
    for c in 1..9 {
        sheet.set_column_width(c, 16)?;
    }
    sheet.write_string_with_format(0, 0, pick(lang, "Businesscase", "Business case"), &f.bold)?;
    sheet.write_string_with_format(0, 1, &input.naam, &f.bold)?;
    let start = match input.afschrijving_start {
        regisseur_domain::business_case::DepreciationStart::VolgendJaar => {
            pick(lang, "volgend jaar", "the next year")
        }
        regisseur_domain::business_case::DepreciationStart::ZelfdeJaar => {
            pick(lang, "zelfde jaar", "the same year")
        }
    };
    // Rows 2..8 (Excel rows 3..9): RATE_CELL and DIRECTION_CELL point here.
    sheet.write_string(2, 0, pick(lang, "Startjaar", "First year"))?;
    sheet.write_number(2, 1, f64::from(input.startjaar))?;
    sheet.write_string(3, 0, pick(lang, "Looptijd (jaren)", "Horizon (years)"))?;
    sheet.write_number(3, 1, f64::from(input.looptijd_jaren))?;
    sheet.write_string(4, 0, pick(lang, "Discontovoet", "Discount rate"))?;
    sheet.write_number_with_format(4, 1, input.discontovoet, &f.rate)?;
    sheet.write_string(5, 0, pick(lang, "Omslagrente", "Internal interest rate"))?;
    sheet.write_number_with_format(5, 1, input.omslagrente, &f.rate)?;
    sheet.write_string(
        6,
        0,
        pick(lang, "Afschrijving begint", "Depreciation starts"),
    )?;
    sheet.write_string(6, 1, start)?;
    sheet.write_string(
        7,
        0,
        pick(
            lang,
            "Regiepercentage (uitbesteed)",
            "Direction share (outsourced)",
        ),
    )?;
    sheet.write_number_with_format(7, 1, input.uitbesteed.regie_percentage, &f.rate)?;

    let mut row = 9;
    sheet.write_string_with_format(
        row,
        0,
        pick(lang, "Bestaande activa", "Existing assets"),
        &f.bold,
    )?;
    row += 1;
    header_row(
        sheet,
        row,
        &[
            pick(lang, "Naam", "Name"),
            pick(lang, "Boekwaarde", "Book value"),
            pick(lang, "Resterende jaren", "Remaining years"),
        ],
        f,
    )?;
    for asset in &input.bestaande_activa {
        row += 1;
        sheet.write_string(row, 0, &asset.naam)?;
        sheet.write_number_with_format(row, 1, asset.boekwaarde, &f.money)?;
        sheet.write_number(row, 2, f64::from(asset.resterende_jaren))?;
    }

    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        pick(lang, "Kosten per jaar", "Yearly costs"),
        &f.bold,
    )?;
    row += 1;
    header_row(
        sheet,
        row,
        &[
            pick(lang, "Naam", "Name"),
            pick(lang, "Scenario", "Scenario"),
            "Min",
            pick(lang, "Waarschijnlijk", "Most likely"),
            "Max",
            pick(lang, "Indexatie", "Indexation"),
            pick(lang, "Vanaf", "From"),
            pick(lang, "Tot en met", "Up to"),
        ],
        f,
    )?;
    for (side, costs) in [
        (
            pick(lang, "eigen beheer", "in-house"),
            &input.eigen_beheer.kosten,
        ),
        (
            pick(lang, "uitbesteed", "outsourced"),
            &input.uitbesteed.kosten,
        ),
    ] {
        for cost in costs {
            row += 1;
            sheet.write_string(row, 0, &cost.naam)?;
            sheet.write_string(row, 1, side)?;
            write_amount(sheet, row, 2, cost.bedrag_per_jaar, f)?;
            sheet.write_number_with_format(row, 5, cost.indexatie, &f.rate)?;
            sheet.write_number(row, 6, f64::from(cost.vanaf.unwrap_or(input.startjaar)))?;
            if let Some(to) = cost.tot {
                sheet.write_number(row, 7, f64::from(to))?;
            }
        }
    }

    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        pick(
            lang,
            "Investeringen (eigen beheer)",
            "Investments (in-house)",
        ),
        &f.bold,
    )?;
    row += 1;
    header_row(
        sheet,
        row,
        &[
            pick(lang, "Naam", "Name"),
            pick(lang, "Jaar", "Year"),
            "Min",
            pick(lang, "Waarschijnlijk", "Most likely"),
            "Max",
            pick(lang, "Afschrijvingsjaren", "Depreciation years"),
            pick(lang, "Restwaarde", "Residual value"),
            pick(lang, "Herhalen", "Recurring"),
        ],
        f,
    )?;
    for investment in &input.eigen_beheer.investeringen {
        row += 1;
        sheet.write_string(row, 0, &investment.naam)?;
        sheet.write_number(row, 1, f64::from(investment.jaar))?;
        write_amount(sheet, row, 2, investment.bedrag, f)?;
        sheet.write_number(row, 5, f64::from(investment.afschrijvingsjaren))?;
        sheet.write_number_with_format(row, 6, investment.restwaarde, &f.money)?;
        sheet.write_string(
            row,
            7,
            if investment.herhalen {
                pick(lang, "ja", "yes")
            } else {
                pick(lang, "nee", "no")
            },
        )?;
    }

    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        pick(lang, "Eenmalige lasten", "One-off charges"),
        &f.bold,
    )?;
    row += 1;
    header_row(
        sheet,
        row,
        &[
            pick(lang, "Naam", "Name"),
            pick(lang, "Scenario", "Scenario"),
            pick(lang, "Jaar", "Year"),
            "Min",
            pick(lang, "Waarschijnlijk", "Most likely"),
            "Max",
        ],
        f,
    )?;
    for (side, once) in [
        (
            pick(lang, "eigen beheer", "in-house"),
            &input.eigen_beheer.eenmalig,
        ),
        (
            pick(lang, "uitbesteed", "outsourced"),
            &input.uitbesteed.eenmalig,
        ),
    ] {
        for charge in once {
            row += 1;
            sheet.write_string(row, 0, &charge.naam)?;
            sheet.write_string(row, 1, side)?;
            sheet.write_number(row, 2, f64::from(charge.jaar))?;
            write_amount(sheet, row, 3, charge.bedrag, f)?;
        }
    }
    Ok(())
}

/// Excel's name of a column (0 → A).
fn column(index: u16) -> String {
    let mut n = u32::from(index) + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        name.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    name.iter().rev().collect()
}

/// A formula with its value, so the sheet shows the figure before Excel recalculates.
fn formula(text: String, value: f64) -> Formula {
    Formula::new(text).set_result(format!("{}", regisseur_domain::business_case::cents(value)))
}

/// The yearly table: per scenario the charges by kind, the capital and operating charges and
/// the total as formulas, the cash and its present value; the NPVs at the bottom.
fn yearly_sheet(
    sheet: &mut Worksheet,
    input: &Input,
    outcome: &Outcome,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(pick(lang, "Jaaroverzicht", "Yearly table"))?;
    // Columns: Jaar, t, factor, then per scenario the same 13 columns.
    let per_side: [&str; 13] = [
        pick(lang, "Afschrijving", "Depreciation"),
        pick(lang, "Rente", "Interest"),
        pick(lang, "Kapitaallasten", "Capital charges"),
        pick(lang, "Kosten per jaar", "Yearly costs"),
        pick(lang, "Eenmalig", "One-off"),
        pick(lang, "Regie", "Direction"),
        pick(lang, "Afwaardering", "Write-down"),
        pick(lang, "Exploitatielasten", "Operating charges"),
        pick(lang, "Totaal lasten", "Total charges"),
        pick(lang, "Investeringen", "Investments"),
        pick(lang, "Kasstroom", "Cash flow"),
        pick(lang, "Contante waarde", "Present value"),
        pick(lang, "Cumulatieve kasstroom", "Cumulative cash"),
    ];
    sheet.write_string_with_format(0, 0, &input.naam, &f.bold)?;
    sheet.write_string_with_format(1, 3, pick(lang, "Eigen beheer", "In-house"), &f.bold)?;
    sheet.write_string_with_format(1, 16, pick(lang, "Uitbesteed", "Outsourced"), &f.bold)?;
    let mut titles: Vec<&str> = vec![
        pick(lang, "Jaar", "Year"),
        "t",
        pick(lang, "Disconteringsfactor", "Discount factor"),
    ];
    titles.extend(per_side);
    titles.extend(per_side);
    header_row(sheet, 2, &titles, f)?;
    sheet.set_column_width(0, 8)?;
    sheet.set_column_width(1, 4)?;
    for c in 2..29 {
        sheet.set_column_width(c, 15)?;
    }
    sheet.set_freeze_panes(3, 1)?;
    let first = 3u32;
    let last = first + outcome.jaren.len() as u32 - 1;
    let (mut cum_own, mut cum_out) = (0.0, 0.0);
    for (i, year) in outcome.jaren.iter().enumerate() {
        let row = first + i as u32;
        let r = row + 1; // Excel's row number
        let t = i as f64;
        let factor = 1.0 / (1.0 + input.discontovoet).powf(t);
        sheet.write_number(row, 0, f64::from(year.jaar))?;
        sheet.write_number(row, 1, t)?;
        sheet.write_formula_with_format(
            row,
            2,
            Formula::new(format!("=1/(1+{RATE_CELL})^B{r}")).set_result(format!("{factor}")),
            &f.factor,
        )?;
        cum_own += year.eigen_beheer.kasstroom;
        cum_out += year.uitbesteed.kasstroom;
        for (at, s, cumulative, direction) in [
            (3u16, &year.eigen_beheer, cum_own, false),
            (16u16, &year.uitbesteed, cum_out, true),
        ] {
            scenario_row(sheet, row, at, s, factor, cumulative, direction, f)?;
        }
    }
    // The payback year as a formula, so that a what-if in the sheet moves it: a helper column
    // holds a row's year when outsourcing's cumulative cash is at or below in-house's from that
    // year to the end (filled from the bottom), and the payback year is the first of them.
    let helper = 29u16;
    sheet.write_string_with_format(
        2,
        helper,
        pick(lang, "Terugverdiend vanaf", "Paid back from"),
        &f.bold,
    )?;
    sheet.set_column_width(helper, 15)?;
    let (own_cum, out_cum, helper_col) = (column(3 + 12), column(16 + 12), column(helper));
    for (i, year) in outcome.jaren.iter().enumerate() {
        let row = first + i as u32;
        let r = row + 1;
        let holds = format!("ROUND({out_cum}{r},2)<=ROUND({own_cum}{r},2)");
        let condition = if row == last {
            holds
        } else {
            format!("AND({holds},{helper_col}{}<>\"\")", r + 1)
        };
        let paid_back = outcome.terugverdienjaar.is_some_and(|p| year.jaar >= p);
        sheet.write_formula(
            row,
            helper,
            Formula::new(format!("=IF({condition},A{r},\"\")")).set_result(if paid_back {
                year.jaar.to_string()
            } else {
                String::new()
            }),
        )?;
    }
    let total_row = last + 2;
    sheet.write_string_with_format(
        total_row,
        0,
        pick(lang, "Netto contante waarde", "Net present value"),
        &f.bold,
    )?;
    let npv = |at: u16| {
        let col = column(at + 11);
        format!("=SUM({col}{}:{col}{})", first + 1, last + 1)
    };
    sheet.write_formula_with_format(
        total_row,
        14,
        formula(npv(3), outcome.ncw_eigen_beheer),
        &f.money_bold,
    )?;
    sheet.write_formula_with_format(
        total_row,
        27,
        formula(npv(16), outcome.ncw_uitbesteed),
        &f.money_bold,
    )?;
    sheet.write_string_with_format(
        total_row + 1,
        0,
        pick(
            lang,
            "Verschil (uitbesteed − eigen beheer)",
            "Difference (outsourced − in-house)",
        ),
        &f.bold,
    )?;
    sheet.write_formula_with_format(
        total_row + 1,
        27,
        formula(
            format!(
                "={}{}-{}{}",
                column(27),
                total_row + 1,
                column(14),
                total_row + 1
            ),
            outcome.ncw_verschil,
        ),
        &f.money_bold,
    )?;
    sheet.write_string(
        total_row + 2,
        0,
        pick(lang, "Terugverdienjaar", "Payback year"),
    )?;
    let none = pick(lang, "geen", "none");
    let range = format!("{helper_col}{}:{helper_col}{}", first + 1, last + 1);
    sheet.write_formula(
        total_row + 2,
        27,
        Formula::new(format!("=IF(COUNT({range})=0,\"{none}\",MIN({range}))")).set_result(
            outcome
                .terugverdienjaar
                .map_or(none.to_string(), |y| y.to_string()),
        ),
    )?;
    sheet.write_string(
        total_row + 4,
        0,
        pick(
            lang,
            "Kapitaallasten = afschrijving + rente; exploitatielasten = kosten + eenmalig + regie + afwaardering; kasstroom = kosten + eenmalig + regie + investeringen; contante waarde = kasstroom × disconteringsfactor.",
            "Capital charges = depreciation + interest; operating charges = costs + one-off + direction + write-down; cash = costs + one-off + direction + investments; present value = cash × discount factor.",
        ),
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn scenario_row(
    sheet: &mut Worksheet,
    row: u32,
    at: u16,
    s: &Scenario,
    factor: f64,
    cumulative: f64,
    direction: bool,
    f: &Formats,
) -> Result<(), XlsxError> {
    let r = row + 1;
    let c = |offset: u16| format!("{}{r}", column(at + offset));
    sheet.write_number_with_format(row, at, s.afschrijving, &f.money)?;
    sheet.write_number_with_format(row, at + 1, s.rente, &f.money)?;
    sheet.write_formula_with_format(
        row,
        at + 2,
        formula(format!("={}+{}", c(0), c(1)), s.kapitaallasten),
        &f.money,
    )?;
    sheet.write_number_with_format(row, at + 3, s.kosten, &f.money)?;
    sheet.write_number_with_format(row, at + 4, s.eenmalig, &f.money)?;
    if direction {
        sheet.write_formula_with_format(
            row,
            at + 5,
            formula(format!("={DIRECTION_CELL}*{}", c(3)), s.regie),
            &f.money,
        )?;
    } else {
        sheet.write_number_with_format(row, at + 5, s.regie, &f.money)?;
    }
    sheet.write_number_with_format(row, at + 6, s.afwaardering, &f.money)?;
    sheet.write_formula_with_format(
        row,
        at + 7,
        formula(
            format!("={}+{}+{}+{}", c(3), c(4), c(5), c(6)),
            s.exploitatielasten,
        ),
        &f.money,
    )?;
    sheet.write_formula_with_format(
        row,
        at + 8,
        formula(format!("={}+{}", c(2), c(7)), s.totaal),
        &f.money,
    )?;
    sheet.write_number_with_format(row, at + 9, s.investeringen, &f.money)?;
    sheet.write_formula_with_format(
        row,
        at + 10,
        formula(format!("={}+{}+{}+{}", c(3), c(4), c(5), c(9)), s.kasstroom),
        &f.money,
    )?;
    sheet.write_formula_with_format(
        row,
        at + 11,
        formula(format!("={}*C{r}", c(10)), s.kasstroom * factor),
        &f.money,
    )?;
    let previous = if row == 3 {
        String::new()
    } else {
        format!("+{}{}", column(at + 12), r - 1)
    };
    sheet.write_formula_with_format(
        row,
        at + 12,
        formula(format!("={}{previous}", c(10)), cumulative),
        &f.money,
    )?;
    Ok(())
}

fn uncertainty_sheet(
    sheet: &mut Worksheet,
    input: &Input,
    u: &Uncertainty<'_>,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(pick(lang, "Onzekerheid", "Uncertainty"))?;
    sheet.set_column_width(0, 48)?;
    sheet.set_column_width(1, 16)?;
    sheet.set_column_width(2, 16)?;
    sheet.set_column_width(3, 16)?;
    let mc = u.monte_carlo;
    sheet.write_string_with_format(
        0,
        0,
        pick(
            lang,
            "Monte Carlo over het NCW-verschil (uitbesteed − eigen beheer)",
            "Monte Carlo of the NPV difference (outsourced − in-house)",
        ),
        &f.bold,
    )?;
    let rows: [(&str, f64, Option<&Format>); 6] = [
        (pick(lang, "Aantal runs", "Runs"), mc.runs as f64, None),
        ("Seed", u.seed as f64, None),
        ("P10", mc.p10, Some(&f.money)),
        ("P50", mc.p50, Some(&f.money)),
        ("P90", mc.p90, Some(&f.money)),
        (
            pick(
                lang,
                "Kans dat uitbesteden goedkoper is",
                "Share of runs in which outsourcing is cheaper",
            ),
            mc.cheaper_share,
            Some(&f.rate),
        ),
    ];
    for (i, (label, value, format)) in rows.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_string(row, 0, *label)?;
        match format {
            Some(format) => sheet.write_number_with_format(row, 1, *value, format)?,
            None => sheet.write_number(row, 1, *value)?,
        };
    }
    sheet.write_string_with_format(
        8,
        0,
        pick(
            lang,
            "Tornado: NCW-verschil met één invoer op min en max",
            "Tornado: NPV difference with one input at its min and max",
        ),
        &f.bold,
    )?;
    header_row(
        sheet,
        9,
        &[
            pick(lang, "Invoer", "Input"),
            pick(lang, "Bij min", "At min"),
            pick(lang, "Bij max", "At max"),
            pick(lang, "Spreiding", "Swing"),
        ],
        f,
    )?;
    for (i, bar) in u.tornado.iter().enumerate() {
        let row = 10 + i as u32;
        let r = row + 1;
        sheet.write_string(row, 0, input.amount_label(&bar.input, lang))?;
        sheet.write_number_with_format(row, 1, bar.low, &f.money)?;
        sheet.write_number_with_format(row, 2, bar.high, &f.money)?;
        sheet.write_formula_with_format(
            row,
            3,
            formula(format!("=ABS(C{r}-B{r})"), (bar.high - bar.low).abs()),
            &f.money,
        )?;
    }
    Ok(())
}

/// The workbook: the inputs, the yearly table with formulas a controller can follow, and —
/// when the case has ranges — the Monte Carlo figures and the tornado.
pub fn to_xlsx(
    input: &Input,
    outcome: &Outcome,
    uncertainty: Option<&Uncertainty<'_>>,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut workbook = Workbook::new();
    inputs_sheet(workbook.add_worksheet(), input, lang, &f)?;
    yearly_sheet(workbook.add_worksheet(), input, outcome, lang, &f)?;
    if let Some(u) = uncertainty {
        uncertainty_sheet(workbook.add_worksheet(), input, u, lang, &f)?;
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use regisseur_domain::business_case::{calculate, monte_carlo, tornado};

    const CASE: &str = r#"
naam = "Hosting"
startjaar = 2027
looptijdJaren = 4

[[bestaandeActiva]]
naam = "Servers"
boekwaarde = 30000.0
resterendeJaren = 3

[eigenBeheer]
[[eigenBeheer.kosten]]
naam = "Personeel"
bedragPerJaar = { min = 90000.0, waarschijnlijk = 100000.0, max = 130000.0 }
indexatie = 0.03

[[eigenBeheer.investeringen]]
naam = "Opslag"
jaar = 2028
bedrag = 50000.0
afschrijvingsjaren = 5

[uitbesteed]
regiePercentage = 0.05
[[uitbesteed.kosten]]
naam = "Dienst"
bedragPerJaar = 110000.0
vanaf = 2027
"#;

    #[test]
    fn toml_round_trips_and_problems_name_key_path_and_line() {
        let input = read_toml(CASE, Lang::Nl).expect("valid");
        let text = to_toml(&input).expect("serialises");
        assert_eq!(read_toml(&text, Lang::Nl).expect("reads back"), input);

        let wrong = CASE.replace("afschrijvingsjaren = 5", "afschrijvingsjaren = 0");
        let problems = read_toml(&wrong, Lang::En).expect_err("zero years");
        assert_eq!(
            problems[0].path,
            "eigenBeheer.investeringen[0].afschrijvingsjaren"
        );
        assert_eq!(problems[0].line, Some(21));

        let unknown = CASE.replace("indexatie = 0.03", "indexering = 0.03");
        let problems = read_toml(&unknown, Lang::En).expect_err("unknown key");
        assert_eq!(problems[0].line, Some(15));
        assert!(
            problems[0].message.contains("indexering"),
            "{}",
            problems[0].message
        );
    }

    fn cell(sheet: &calamine::Range<Data>, at: &str) -> Data {
        sheet
            .get_value(position(at))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    fn position(at: &str) -> (u32, u32) {
        let (col, row) = at.split_at(at.find(|c: char| c.is_ascii_digit()).unwrap_or(0));
        let col = col
            .bytes()
            .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
            - 1;
        (row.parse::<u32>().unwrap_or(1) - 1, col)
    }

    #[test]
    fn the_workbook_holds_inputs_yearly_table_formulas_and_uncertainty() {
        let input = read_toml(CASE, Lang::Nl).expect("valid");
        let outcome = calculate(&input);
        let mc = monte_carlo(&input, 500, 7);
        let bars = tornado(&input);
        let bytes = to_xlsx(
            &input,
            &outcome,
            Some(&Uncertainty {
                monte_carlo: &mc,
                seed: 7,
                tornado: &bars,
            }),
            Lang::Nl,
        )
        .expect("written");
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
        assert_eq!(
            book.sheet_names(),
            ["Invoer", "Jaaroverzicht", "Onzekerheid"]
        );
        let inputs = book.worksheet_range("Invoer").expect("inputs");
        assert_eq!(cell(&inputs, "B1"), Data::String("Hosting".into()));
        assert_eq!(cell(&inputs, "B5"), Data::Float(0.0225));
        assert_eq!(cell(&inputs, "B8"), Data::Float(0.05));
        let yearly = book.worksheet_range("Jaaroverzicht").expect("yearly");
        // 2027 in-house: 10,000 depreciation and 600 interest on the existing servers.
        assert_eq!(cell(&yearly, "A4"), Data::Float(2027.0));
        assert_eq!(cell(&yearly, "D4"), Data::Float(10_000.0));
        assert_eq!(cell(&yearly, "E4"), Data::Float(600.0));
        // Outsourced 2027: direction is a formula over the fee, with its value.
        assert_eq!(cell(&yearly, "V4"), Data::Float(5_500.0));
        let formulas = book.worksheet_formula("Jaaroverzicht").expect("formulas");
        let formula_at = |at: &str| {
            formulas
                .get_value(position(at))
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(formula_at("F4"), "D4+E4");
        assert_eq!(formula_at("V4"), "Invoer!$B$8*T4");
        assert_eq!(formula_at("C5"), "1/(1+Invoer!$B$5)^B5");
        assert_eq!(formula_at("O9"), "SUM(O4:O7)");
        assert_eq!(
            cell(&yearly, "O9"),
            Data::Float(regisseur_domain::business_case::cents(
                outcome.ncw_eigen_beheer
            ))
        );
        assert_eq!(
            cell(&yearly, "AB10"),
            Data::Float(regisseur_domain::business_case::cents(outcome.ncw_verschil))
        );
        // The payback year is a formula over a helper column filled from the bottom, so that a
        // what-if in the sheet moves it; its cached value is the calculation's.
        assert_eq!(
            formula_at("AB11"),
            "IF(COUNT(AD4:AD7)=0,\"geen\",MIN(AD4:AD7))"
        );
        assert_eq!(formula_at("AD7"), "IF(ROUND(AC7,2)<=ROUND(P7,2),A7,\"\")");
        assert_eq!(
            formula_at("AD4"),
            "IF(AND(ROUND(AC4,2)<=ROUND(P4,2),AD5<>\"\"),A4,\"\")"
        );
        let payback = cell(&yearly, "AB11");
        match outcome.terugverdienjaar {
            Some(year) => assert_eq!(payback, Data::Float(f64::from(year))),
            None => assert_eq!(payback, Data::String("geen".into())),
        }
        let risk = book.worksheet_range("Onzekerheid").expect("uncertainty");
        assert_eq!(cell(&risk, "B2"), Data::Float(500.0));
        assert_eq!(
            cell(&risk, "A11"),
            Data::String("eigen beheer · kosten · Personeel".into())
        );
    }
}
