//! The `regisseur` binary: parses arguments and calls the other crates. No rules live here.
//!
//! Exit codes: 0 ok, 1 the input or the landscape fails the check asked for, 2 usage or I/O
//! error.

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use regisseur_domain::access::Role;
use regisseur_domain::organisation::{NewOrganisation, check_password};
use regisseur_domain::procurement::{evaluation, route};
use regisseur_domain::quality::{Report, RuleId, Settings, Severity};
use regisseur_domain::readiness::{self, Advice, AnswersFile};
use regisseur_domain::values::Email;
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_interchange::{export, plan, sheet};
use regisseur_store::{Store, StoreError};
use regisseur_web::{AppState, DemoLogin, WebConfig};
use std::io::Read;

/// mimalloc: imports and the web server allocate many small maps and strings, and glibc's
/// allocator spent a quarter of an import's time on them. With the `override` feature it also
/// serves SQLite's own allocations.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "regisseur",
    version,
    about = "Regisseur: keep control when a municipality outsources its IT"
)]
struct Cli {
    /// Database: sqlite://FILE (created when missing) or postgres://USER@HOST/DB
    #[arg(
        long,
        global = true,
        env = "REGISSEUR_DATABASE_URL",
        default_value = "sqlite://regisseur.db"
    )]
    database: String,
    /// Run as of another day (YYYY-MM-DD), for a demonstration, a training or a test: every
    /// date the application computes with (and the demo municipality's dates) follow it
    #[arg(long, global = true, env = "REGISSEUR_TODAY")]
    today: Option<chrono::NaiveDate>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application
    Serve {
        /// Address to listen on
        #[arg(long, env = "REGISSEUR_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
        /// Load the demo municipality "Gemeente Voorbeeld" when the database has no organisations
        #[arg(long)]
        demo: bool,
        /// Mark cookies Secure (the server is reached over https)
        #[arg(long, env = "REGISSEUR_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Origins trusted for form posts behind a proxy that rewrites Host (comma-separated)
        #[arg(long, env = "REGISSEUR_TRUSTED_ORIGINS", value_delimiter = ',')]
        trusted_origin: Vec<String>,
        /// Who answers questions about this installation's API: name, e-mail and web address
        /// in the OpenAPI document (info.contact)
        #[arg(long, env = "REGISSEUR_API_CONTACT_NAME")]
        api_contact_name: Option<String>,
        #[arg(long, env = "REGISSEUR_API_CONTACT_EMAIL")]
        api_contact_email: Option<String>,
        #[arg(long, env = "REGISSEUR_API_CONTACT_URL")]
        api_contact_url: Option<String>,
        /// The municipality's NL Design System theme: the theme.css its design-tokens package
        /// builds (every colour, font and size of the pages follows it; default the example theme)
        #[arg(long, env = "REGISSEUR_THEME", requires = "theme_class")]
        theme: Option<std::path::PathBuf>,
        /// The class the theme scopes its tokens to, e.g. utrecht-theme
        #[arg(long, env = "REGISSEUR_THEME_CLASS", requires = "theme")]
        theme_class: Option<String>,
    },
    /// Create or update the database schema, then stop
    Migrate,
    /// Organisations (tenants)
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Local accounts
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Personal API tokens
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Import an application list (XLSX or CSV), a register workbook or an ArchiMate model
    /// (AMEFF 3.x or 2.1) into an organisation's register
    Import {
        file: String,
        #[arg(long)]
        org: String,
        /// auto (from the file), xlsx, csv or ameff
        #[arg(long, default_value = "auto")]
        format: String,
        /// Show what would change and every problem; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// Export an organisation's register: xlsx (every kind), csv (the application list) or
    /// ameff (an ArchiMate 3.1 model exchange file)
    Export {
        file: String,
        #[arg(long)]
        org: String,
        /// xlsx, csv or ameff; by default from the file's extension (.xml: ameff)
        #[arg(long)]
        format: Option<String>,
    },
    /// Check whether the basis is in order: the documentation rules and the quality score of an
    /// organisation's register, or of an import file (XLSX, CSV, AMEFF) in a throw-away
    /// in-memory database, before importing it
    Check {
        /// The organisation whose register to check
        #[arg(long, required_unless_present = "file", conflicts_with = "file")]
        org: Option<String>,
        /// An application list, register workbook or ArchiMate model to check instead
        #[arg(long)]
        file: Option<String>,
        /// Print the report as JSON (the same object as GET /api/v1/organisaties/{slug}/kwaliteit)
        #[arg(long)]
        json: bool,
        /// Exit 1 when a finding of this severity or a more serious one exists: fout or waarschuwing
        #[arg(long)]
        fail_on: Option<String>,
        /// Rule settings as JSON (as in the API) instead of the organisation's own
        #[arg(long)]
        settings: Option<String>,
        /// Language of the messages: nl or en
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// The readiness advice (Gereedheid): outsource now, under conditions, or not yet — from an
    /// organisation's assessment, or from an answers file (for reproducibility)
    Readiness {
        /// The organisation whose assessment to advise on
        #[arg(long, required_unless_present = "answers", conflicts_with = "answers")]
        org: Option<String>,
        /// A TOML file with [antwoorden] (dimension id -> levels 0..4) and [[doelen]] (titel, kpi)
        #[arg(long, requires = "quality_score")]
        answers: Option<String>,
        /// With --answers: the register's quality score (0-100), standing in for every area too
        #[arg(long)]
        quality_score: Option<f64>,
        /// Print the advice as JSON (the same object as GET /api/v1/organisaties/{slug}/gereedheid)
        #[arg(long)]
        json: bool,
        /// Language of the reasons and actions: nl or en
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// Impact: everything affected when an element fails or disappears, transitively, with
    /// distance and one shortest path
    Impact {
        #[arg(long)]
        org: String,
        /// The element's id, its ArchiMate identifier from an imported model (`id-…` in Archi), or its name
        #[arg(long)]
        element: String,
        /// Print as JSON (the same object as GET /api/v1/organisaties/{slug}/impact/{id})
        #[arg(long)]
        json: bool,
    },
    /// Scope cut: what outsourcing these service domains cuts through
    Scope {
        #[arg(long)]
        org: String,
        /// Service domain ids, comma-separated (e.g. hosting-en-datacenter,werkplek)
        #[arg(long)]
        domains: String,
        /// Print as JSON
        #[arg(long)]
        json: bool,
    },
    /// Businesscase: the yearly charges of outsourcing against in-house, NPV, payback and — when
    /// amounts are ranges — the Monte Carlo and the tornado, from a TOML file
    BusinessCase {
        file: String,
        /// Print as JSON
        #[arg(long)]
        json: bool,
        /// Monte Carlo runs
        #[arg(long, default_value_t = regisseur_domain::business_case::DEFAULT_RUNS)]
        runs: usize,
        /// Seed of the Monte Carlo (the same seed gives the same figures)
        #[arg(long, default_value_t = regisseur_domain::business_case::DEFAULT_SEED)]
        seed: u64,
    },
    /// Aanbesteding: the estimated value, the EU threshold, every procedure with whether it is
    /// allowed and why, the advice with its motivation, and the minimum timeline
    Route {
        /// diensten, leveringen, werken or sociale-diensten
        #[arg(long = "type")]
        kind: String,
        /// Value per year, euros excluding VAT (e.g. 120000 or 120.000,00)
        #[arg(long)]
        annual_value: String,
        /// Term in months, without options
        #[arg(long, default_value_t = 0)]
        months: u32,
        /// Option and extension months
        #[arg(long, default_value_t = 0)]
        option_months: u32,
        /// The contract has no end date
        #[arg(long)]
        indefinite: bool,
        /// The date the notice (or invitation) will be sent, YYYY-MM-DD
        #[arg(long)]
        notice_date: String,
        /// The solution must be adapted to the municipality
        #[arg(long)]
        adapted: bool,
        /// The purchase includes design or innovative solutions
        #[arg(long)]
        innovative: bool,
        /// Complex in nature, legal or financial make-up, or risks
        #[arg(long)]
        complex: bool,
        /// The specifications cannot be set precisely beforehand
        #[arg(long)]
        unspecifiable: bool,
        /// How many suppliers could deliver
        #[arg(long)]
        suppliers: Option<u32>,
        /// Extreme urgency not caused by the municipality
        #[arg(long)]
        urgent: bool,
        /// Print as JSON
        #[arg(long)]
        json: bool,
    },
    /// Gunning: the ranking of the bids of a tender (TOML), with exclusions, sensitivity of the
    /// weights and the rank-reversal check
    Evaluate {
        file: String,
        /// Print as JSON
        #[arg(long)]
        json: bool,
    },
    /// Regie: the SLA norms per month from outages and incidents (or reported figures), the
    /// service credits and chronic failure, from a TOML file
    Sla {
        file: String,
        /// Print as JSON
        #[arg(long)]
        json: bool,
    },
    /// Transitie: FTE before and after per role, milestones late, and the risks at or above a
    /// score (probability × impact)
    Transition {
        #[arg(long)]
        org: String,
        /// The lowest risk score shown (1–25)
        #[arg(long, default_value_t = regisseur_domain::transition::risks::DEFAULT_THRESHOLD, value_parser = clap::value_parser!(u8).range(1..=25))]
        threshold: u8,
        /// Print as JSON (the same object as GET /api/v1/organisaties/{slug}/transitie)
        #[arg(long)]
        json: bool,
    },
    /// Rapportage: the outsourcing dossier of an organisation as one PDF for the council
    Report {
        #[arg(long)]
        org: String,
        /// Where the PDF goes (written whole or not at all)
        #[arg(long)]
        out: String,
        /// nl or en
        #[arg(long, default_value = "nl")]
        lang: String,
        /// The chapters, comma-separated (default all): basis, koers, gereedheid, scope,
        /// businesscase, aanbesteding, transitie
        #[arg(long)]
        parts: Option<String>,
    },
    /// Write a consistent copy of a SQLite database while it is in use
    Backup { file: String },
    /// Replace a SQLite database with a backup (stop the server first)
    Restore { file: String },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Add an organisation
    Add {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// CBS municipality code, e.g. GM0363
        #[arg(long)]
        cbs_code: Option<String>,
        /// Print the result as JSON
        #[arg(long)]
        json: bool,
    },
    /// List organisations
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user to an organisation with a role; the password is read from standard input
    Add {
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        /// beheerder, regisseur, inkoper, lezer or leverancier
        #[arg(long)]
        role: String,
        #[arg(long)]
        name: Option<String>,
        /// For role leverancier: the id of the supplier this user works for
        #[arg(long)]
        supplier: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a personal API token; prints only the token
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

/// Prints a line on standard output. A closed pipe (`regisseur … | head`) is not an error worth
/// a panic: the rest of the output is simply not wanted.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// An error that says which exit code it ends with.
enum Failure {
    /// Input that fails a check: exit 1.
    Check(String),
    /// Usage or I/O: exit 2.
    Usage(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure::Usage(error)
    }
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Invalid(errors) => Failure::Check(describe(&errors)),
            other => Failure::Usage(other.into()),
        }
    }
}

fn describe(errors: &ValidationErrors) -> String {
    errors
        .0
        .iter()
        .map(|e| format!("{}: {}", e.name, e.problem.message(Lang::En)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("REGISSEUR_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    if let Some(day) = cli.today {
        regisseur_web::kit::clock::run_as_of(day);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start: {error}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Check(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(error)) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

async fn connect(url: &str) -> anyhow::Result<Store> {
    Store::connect(url)
        .await
        .with_context(|| format!("cannot open database {url}"))
}

async fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Serve {
            listen,
            demo,
            secure_cookies,
            trusted_origin,
            api_contact_name,
            api_contact_email,
            api_contact_url,
            theme,
            theme_class,
        } => {
            if let (Some(path), Some(class)) = (theme, theme_class) {
                let css = std::fs::read(&path).map_err(|e| {
                    Failure::Check(format!("cannot read the theme {}: {e}", path.display()))
                })?;
                let theme = regisseur_web::kit::assets::Theme::new(css, &class)
                    .map_err(|e| Failure::Check(format!("theme {}: {e}", path.display())))?;
                regisseur_web::kit::assets::install_theme(theme);
            }
            let demo = demo.then(regisseur_web::kit::clock::today);
            let default = regisseur_web::openapi::Contact::default();
            let contact = regisseur_web::openapi::Contact {
                name: api_contact_name.unwrap_or(default.name),
                email: api_contact_email.unwrap_or(default.email),
                url: api_contact_url.unwrap_or(default.url),
            };
            let config = WebConfig {
                secure_cookies,
                trusted_origins: trusted_origin,
                demo_login: None,
                api_contact: contact,
            };
            serve(&cli.database, &listen, demo, config).await
        }
        Command::Migrate => {
            let store = connect(&cli.database).await?;
            store.close().await;
            eprintln!("database is up to date: {}", cli.database);
            Ok(())
        }
        Command::Org { command } => org(&cli.database, command).await,
        Command::User { command } => user(&cli.database, command).await,
        Command::Token {
            command: TokenCommand::Create { email, name },
        } => {
            let store = connect(&cli.database).await?;
            let Some(user) = store.user_by_email(&email).await? else {
                return Err(Failure::Check(format!(
                    "no user with e-mail address {email}"
                )));
            };
            let token = store.create_api_token(user.id, &name).await?;
            out!("{token}");
            Ok(())
        }
        Command::Import {
            file,
            org,
            format,
            dry_run,
            json,
        } => import(&cli.database, &file, &org, &format, dry_run, json).await,
        Command::Export { file, org, format } => {
            export(&cli.database, &file, &org, format.as_deref()).await
        }
        Command::Check {
            org,
            file,
            json,
            fail_on,
            settings,
            lang,
        } => {
            // As of another day: the global --today.
            let options = CheckOptions::parse(json, fail_on, settings, &lang)?;
            match (org, file) {
                (Some(org), _) => check_org(&cli.database, &org, options).await,
                (None, Some(file)) => check_file(&file, options).await,
                (None, None) => Err(Failure::Usage(anyhow::anyhow!(
                    "give --org SLUG or --file FILE"
                ))),
            }
        }
        Command::Readiness {
            org,
            answers,
            quality_score,
            json,
            lang,
        } => {
            let lang = Lang::from_code(&lang)
                .ok_or_else(|| Failure::Usage(anyhow::anyhow!("--lang {lang}: use nl or en")))?;
            let advice = match (org, answers) {
                (Some(org), _) => {
                    let store = connect(&cli.database).await?;
                    let organisation = organisation(&store, &org).await?;
                    store
                        .readiness(organisation.id, regisseur_web::kit::clock::today())
                        .await?
                        .1
                }
                (None, Some(file)) => readiness_from_file(&file, quality_score)?,
                (None, None) => {
                    return Err(Failure::Usage(anyhow::anyhow!(
                        "give --org SLUG or --answers FILE --quality-score N"
                    )));
                }
            };
            print_advice(&advice, json, lang);
            Ok(())
        }
        Command::Impact { org, element, json } => {
            let store = connect(&cli.database).await?;
            let organisation = organisation(&store, &org).await?;
            let graph = store.dependency_graph(organisation.id).await?;
            let node = graph
                .find(&element)
                .map_err(|e| Failure::Usage(anyhow::anyhow!("--element {element}: {e}")))?;
            let affected = graph.impact(node.id).unwrap_or_default();
            if json {
                print_json(&graph.impact_json(node, &affected));
            } else {
                out!(
                    "{} '{}': {} element(s) affected",
                    node.kind.code(),
                    node.name,
                    affected.len()
                );
                for a in &affected {
                    let n = a.node(&graph);
                    let flags = [
                        (n.critical, " [bedrijfskritisch]"),
                        (n.personal, " [persoonsgegevens]"),
                    ]
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, f)| *f)
                    .collect::<String>();
                    out!(
                        "  {:<22} {:>2}  {}{flags}",
                        n.kind.code(),
                        a.distance,
                        n.name
                    );
                }
            }
            Ok(())
        }
        Command::Scope { org, domains, json } => {
            let chosen = regisseur_domain::sourcing::parse_domains(&domains)
                .map_err(|e| Failure::Usage(anyhow::anyhow!("--domains: {e}")))?;
            if chosen.is_empty() {
                return Err(Failure::Usage(anyhow::anyhow!(
                    "--domains: name at least one service domain"
                )));
            }
            let store = connect(&cli.database).await?;
            let organisation = organisation(&store, &org).await?;
            let graph = store.dependency_graph(organisation.id).await?;
            let cut = graph.scope(&chosen);
            if json {
                print_json(&graph.scope_json(&chosen, &cut));
            } else {
                let name =
                    |id: &uuid::Uuid| graph.node(*id).map_or(id.to_string(), |n| n.name.clone());
                out!(
                    "{} element(s) outsourced; {} koppeling(en)/relatie(s) cross the line",
                    cut.outsourced.len(),
                    cut.crossing.len()
                );
                for c in &cut.crossing {
                    out!("  {} -> {} ({})", name(&c.from), name(&c.to), c.via.code());
                }
                out!("personal data to the partner: {}", cut.personal_data.len());
                for id in &cut.personal_data {
                    out!("  {}", name(id));
                }
                out!(
                    "retained elements depending on outsourced ones: {}",
                    cut.dependent.len()
                );
            }
            Ok(())
        }
        Command::BusinessCase {
            file,
            json,
            runs,
            seed,
        } => business_case(&file, json, runs, seed),
        Command::Route {
            kind,
            annual_value,
            months,
            option_months,
            indefinite,
            notice_date,
            adapted,
            innovative,
            complex,
            unspecifiable,
            suppliers,
            urgent,
            json,
        } => {
            let factors = route::Factors {
                adapted,
                innovative,
                complex,
                unspecifiable,
                potential_suppliers: suppliers,
                urgent,
            };
            procurement_route(
                &kind,
                &annual_value,
                (months, option_months, indefinite),
                &notice_date,
                factors,
                json,
            )
        }
        Command::Evaluate { file, json } => evaluate(&file, json),
        Command::Sla { file, json } => sla(&file, json),
        Command::Report {
            org,
            out,
            lang,
            parts,
        } => {
            let lang = Lang::from_code(&lang).ok_or_else(|| {
                Failure::Usage(anyhow::anyhow!("--lang: '{lang}' is not nl or en"))
            })?;
            let parts = match parts {
                Some(text) => regisseur_domain::report::parse_parts(&text)
                    .map_err(|e| Failure::Usage(anyhow::anyhow!("--parts: {e}")))?,
                None => regisseur_domain::report::Part::ALL.to_vec(),
            };
            let store = connect(&cli.database).await?;
            report(&store, &org, &out, lang, &parts).await
        }
        Command::Transition {
            org,
            threshold,
            json,
        } => {
            let store = connect(&cli.database).await?;
            transition(&store, &org, threshold, json).await
        }
        Command::Backup { file } => backup(&cli.database, &file).await,
        Command::Restore { file } => restore(&cli.database, &file).await,
    }
}

async fn serve(
    database: &str,
    listen: &str,
    demo: Option<chrono::NaiveDate>,
    mut config: WebConfig,
) -> Result<(), Failure> {
    let store = connect(database).await?;
    if let Some(day) = demo {
        if store.organisation_count().await? == 0 {
            let loaded = regisseur_demo::load(&store, day)
                .await
                .context("loading the demo municipality")?;
            eprintln!(
                "Demo: {} loaded with {} elements.",
                regisseur_demo::NAME,
                loaded.elements
            );
        }
        let users: Vec<String> = regisseur_demo::demo_users()
            .into_iter()
            .map(|(email, _)| email)
            .collect();
        eprintln!(
            "Demo accounts (password '{}'): {}",
            regisseur_demo::PASSWORD,
            users.join(", ")
        );
        config.demo_login = Some(DemoLogin {
            users,
            password: regisseur_demo::PASSWORD.to_string(),
        });
    }
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener.local_addr().context("no local address")?;
    // Tests and scripts read this line to find the port when listening on port 0.
    out!("Regisseur listens on http://{address}");
    let state = AppState::new(Arc::new(store), config);
    regisseur_web::serve(listener, state)
        .await
        .context("server stopped")?;
    Ok(())
}

fn print_json(value: &serde_json::Value) {
    out!("{value}");
}

async fn org(database: &str, command: OrgCommand) -> Result<(), Failure> {
    let store = connect(database).await?;
    match command {
        OrgCommand::Add {
            slug,
            name,
            cbs_code,
            json,
        } => {
            let new = NewOrganisation::parse(&slug, &name, cbs_code.as_deref())
                .map_err(|e| Failure::Check(describe(&e)))?;
            let org = store.create_organisation(&new).await?;
            if json {
                print_json(
                    &serde_json::json!({"id": org.id.to_string(), "slug": org.slug, "naam": org.name, "cbsCode": org.cbs_code}),
                );
            } else {
                out!("{} ({})", org.name, org.slug);
            }
        }
        OrgCommand::List { json } => {
            let orgs = store.organisations().await?;
            if json {
                let items: Vec<_> = orgs
                    .iter()
                    .map(|o| serde_json::json!({"id": o.id.to_string(), "slug": o.slug, "naam": o.name, "cbsCode": o.cbs_code}))
                    .collect();
                print_json(&serde_json::json!({"resultaten": items, "totaal": orgs.len()}));
            } else {
                for o in orgs {
                    out!("{}\t{}", o.slug, o.name);
                }
            }
        }
    }
    Ok(())
}

async fn user(database: &str, command: UserCommand) -> Result<(), Failure> {
    let UserCommand::Add {
        org,
        email,
        role,
        name,
        supplier,
    } = command;
    let mut problems = Vec::new();
    let email = Email::parse(&email)
        .map_err(|p| problems.push(format!("email: {}", p.message(Lang::En))))
        .ok();
    let role = Role::parse(&role).or_else(|| {
        problems.push(format!(
            "role: choose one of {}",
            Role::ALL.map(|r| r.code()).join(", ")
        ));
        None
    });
    let supplier = match supplier.as_deref().map(uuid::Uuid::parse_str) {
        Some(Ok(id)) => Some(id),
        Some(Err(_)) => {
            problems.push("supplier: not an id".into());
            None
        }
        None => None,
    };
    if role == Some(Role::Leverancier) && supplier.is_none() {
        problems.push("supplier: required for role leverancier".into());
    }
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .context("cannot read the password from standard input")?;
    let password = password.trim_end_matches(['\n', '\r']).to_string();
    if let Err(p) = check_password(&password) {
        problems.push(format!("password: {}", p.message(Lang::En)));
    }
    let store = connect(database).await?;
    let organisation = store.organisation_by_slug(&org).await?;
    if organisation.is_none() {
        problems.push(format!("org: no organisation '{org}'"));
    }
    let (Some(email), Some(role), Some(organisation), true) =
        (email, role, organisation, problems.is_empty())
    else {
        return Err(Failure::Check(problems.join("\n")));
    };
    let user = match store.user_by_email(email.as_str()).await? {
        Some(user) => {
            store.set_password(user.id, &password).await?;
            user
        }
        None => {
            store
                .create_user(&email, name.as_deref().unwrap_or(email.as_str()), &password)
                .await?
        }
    };
    store
        .set_membership(user.id, organisation.id, role, supplier)
        .await?;
    out!("{} is {} in {}", user.email, role.code(), organisation.slug);
    Ok(())
}

fn sqlite_path(database: &str) -> anyhow::Result<&str> {
    match database
        .strip_prefix("sqlite://")
        .or_else(|| database.strip_prefix("sqlite:"))
    {
        Some(path) => Ok(path.split('?').next().unwrap_or(path)),
        None => bail!(
            "backup and restore work on SQLite; for PostgreSQL use its own tools:\n  pg_dump --format=custom --file=regisseur.dump \"{database}\"\n  pg_restore --clean --if-exists --dbname=\"{database}\" regisseur.dump"
        ),
    }
}

async fn backup(database: &str, file: &str) -> Result<(), Failure> {
    sqlite_path(database)?;
    if std::path::Path::new(file).exists() {
        return Err(Failure::Usage(anyhow::anyhow!(
            "{file} exists already; choose a new file name"
        )));
    }
    let store = connect(database).await?;
    store
        .backup_sqlite(file)
        .await
        .with_context(|| format!("cannot write backup {file}"))?;
    eprintln!("backup written to {file}");
    Ok(())
}

async fn restore(database: &str, file: &str) -> Result<(), Failure> {
    let target = sqlite_path(database)?.to_string();
    if !std::path::Path::new(file).is_file() {
        return Err(Failure::Usage(anyhow::anyhow!("{file} does not exist")));
    }
    // Open a copy of the backup as a database first (bringing its schema up to date): a
    // damaged or foreign file is refused before anything is replaced.
    let temporary = format!("{target}.restoring");
    std::fs::copy(file, &temporary).with_context(|| format!("cannot copy {file}"))?;
    let checked = async {
        let store = connect(&format!("sqlite://{temporary}")).await?;
        store
            .organisation_count()
            .await
            .context("the backup is not a Regisseur database")?;
        store.close().await;
        anyhow::Ok(())
    };
    if let Err(error) = checked.await {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{temporary}{suffix}"));
        }
        return Err(Failure::Usage(
            error.context(format!("{file} cannot be restored")),
        ));
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{target}{suffix}"));
    }
    std::fs::rename(&temporary, &target).with_context(|| format!("cannot replace {target}"))?;
    eprintln!("{target} restored from {file}");
    Ok(())
}

/// Writes the dossier PDF to `out` whole or not at all: into a temporary file beside it, then
/// renamed.
async fn report(
    store: &Store,
    org: &str,
    out: &str,
    lang: Lang,
    parts: &[regisseur_domain::report::Part],
) -> Result<(), Failure> {
    let target = std::path::Path::new(out);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Failure::Usage(anyhow::anyhow!(
            "--out: the folder {} does not exist",
            dir.display()
        )));
    }
    let organisation = organisation(store, org).await?;
    let today = regisseur_web::kit::clock::today();
    let dossier =
        regisseur_web::stages::rapportage::build(store, &organisation, parts, lang, today).await?;
    let pdf = tokio::task::spawn_blocking(move || regisseur_interchange::pdf::render(&dossier))
        .await
        .map_err(|e| Failure::Usage(anyhow::anyhow!("typesetting stopped: {e}")))?
        .map_err(|e| Failure::Usage(anyhow::anyhow!("{e}")))?;
    let temporary = dir.join(format!(
        ".{}.{}.tmp",
        target
            .file_name()
            .map_or("rapport".into(), |n| n.to_string_lossy().into_owned()),
        std::process::id()
    ));
    let written =
        std::fs::write(&temporary, &pdf).and_then(|()| std::fs::rename(&temporary, target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(Failure::Usage(anyhow::anyhow!(
            "--out: cannot write {out}: {e}"
        )));
    }
    eprintln!(
        "{out}: the dossier with {} chapter(s), {} bytes",
        parts.len() + 1,
        pdf.len()
    );
    Ok(())
}

async fn transition(store: &Store, org: &str, threshold: u8, json: bool) -> Result<(), Failure> {
    let organisation = organisation(store, org).await?;
    let dossier = store.transition(organisation.id).await?;
    let policy = store.procurement_policy(organisation.id).await?;
    let now = regisseur_web::kit::clock::now();
    let today = now.date_naive();
    if json {
        let before = store
            .risks_as_of(organisation.id, now - chrono::Duration::days(7))
            .await?;
        print_json(&dossier.summary_json(&before, policy, threshold, today, Lang::Nl));
        return Ok(());
    }
    let fte = regisseur_domain::transition::people::fte(&dossier.roles);
    out!("FTE per role (before -> after):");
    for r in &fte.roles {
        out!(
            "  {:<40} {:>6.1} -> {:>6.1}  ({})",
            r.naam,
            r.voor,
            r.na,
            r.verandering.code()
        );
    }
    out!("  {:<40} {:>6.1} -> {:>6.1}", "total", fte.voor, fte.na);
    let late = dossier.late_milestones(today);
    out!("milestones late: {}", late.len());
    for (_, m) in late {
        out!("  {} {} ({})", m.datum, m.naam, m.eigenaar);
    }
    let top = dossier.risks_above(threshold);
    out!("risks with score >= {threshold}: {}", top.len());
    for (_, r) in top {
        out!(
            "  {:>2} ({} x {}) {} — {}",
            r.score(),
            r.kans,
            r.impact,
            r.titel,
            r.status.code()
        );
    }
    for w in dossier.warnings(policy, Lang::En) {
        out!("warning: {}", w.message(Lang::En));
    }
    Ok(())
}

async fn organisation(store: &Store, slug: &str) -> Result<regisseur_store::Organisation, Failure> {
    store.organisation_by_slug(slug).await?.ok_or_else(|| {
        Failure::Usage(anyhow::anyhow!(
            "no organisation '{slug}' (see: regisseur org list)"
        ))
    })
}

async fn import(
    database: &str,
    file: &str,
    org: &str,
    format: &str,
    dry_run: bool,
    json: bool,
) -> Result<(), Failure> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {file}"))?;
    let detected =
        sheet::detect_format(file, &bytes).map_err(|e| Failure::Usage(anyhow::anyhow!("{e}")));
    let format = match format {
        "auto" => detected?,
        "xlsx" | "csv" | "ameff" => {
            let wanted = match format {
                "xlsx" => sheet::Format::Xlsx,
                "csv" => sheet::Format::Csv,
                _ => sheet::Format::Ameff,
            };
            // The extension may be anything; the content must fit the format asked for.
            let fits = match sheet::detect_format("", &bytes) {
                Ok(found) => found == wanted,
                Err(_) => false,
            };
            if !fits {
                return Err(Failure::Usage(anyhow::anyhow!(
                    "{file} is not in {format} format"
                )));
            }
            wanted
        }
        other => {
            return Err(Failure::Usage(anyhow::anyhow!(
                "unknown format '{other}': use auto, xlsx, csv or ameff"
            )));
        }
    };
    let store = connect(database).await?;
    let organisation = organisation(&store, org).await?;
    let existing = store.register(organisation.id).await?;
    let actor = regisseur_store::Actor {
        user_id: None,
        email: format!(
            "import {}",
            std::path::Path::new(file)
                .file_name()
                .map_or(file.into(), |n| n.to_string_lossy())
        ),
    };
    if format == sheet::Format::Ameff && !dry_run {
        return import_model(&store, &actor, organisation.id, file, bytes, existing, json).await;
    }
    let plan = regisseur_interchange::plan_import(format, &bytes, &existing, store.catalog())
        .map_err(|e| Failure::Usage(anyhow::anyhow!("{file}: {e}")))?;
    if !plan.errors.is_empty() || dry_run || plan.changes.is_empty() {
        return conclude(&plan, json, None);
    }
    let applied = store
        .apply_changes(&actor, organisation.id, &plan.changes)
        .await
        .map(|()| true);
    conclude(&plan, json, Some(applied))
}

/// Reports an import and its exit: errors in the plan (nothing written), or what writing it
/// did (`None`: nothing was to be written).
fn conclude(
    plan: &plan::Plan,
    json: bool,
    applied: Option<Result<bool, StoreError>>,
) -> Result<(), Failure> {
    let print = |written: bool| {
        if json {
            out!("{}", plan.report());
        } else {
            print_report(plan, written);
        }
    };
    if !plan.errors.is_empty() {
        print(false);
        return Err(Failure::Check(format!(
            "{} problem(s); nothing was written",
            plan.errors.len()
        )));
    }
    match applied.unwrap_or(Ok(false)) {
        Ok(written) => {
            print(written);
            Ok(())
        }
        Err(StoreError::Conflict { .. }) => Err(Failure::Usage(anyhow::anyhow!(
            "the register changed while importing; nothing was written, run the import again"
        ))),
        Err(other) => Err(other.into()),
    }
}

/// Imports an ArchiMate model, writing what is planned while the rest is still being planned
/// (one transaction, committed only when the whole plan is free of errors).
async fn import_model(
    store: &Store,
    actor: &regisseur_store::Actor,
    organisation: uuid::Uuid,
    file: &str,
    bytes: Vec<u8>,
    existing: Vec<plan::Existing>,
    json: bool,
) -> Result<(), Failure> {
    let (sender, receiver) = tokio::sync::mpsc::channel(4);
    let catalog = store.catalog();
    let planning = tokio::task::spawn_blocking(move || {
        let plan = regisseur_interchange::archimate::plan_file_streaming(
            &bytes,
            &existing,
            catalog,
            &mut |changes| {
                // A closed channel means the writing stopped; its error is reported below.
                let _ = sender.blocking_send(regisseur_store::Planned::Changes(changes));
            },
        );
        let last = match &plan {
            Ok(plan) if plan.errors.is_empty() => regisseur_store::Planned::Finish,
            _ => regisseur_store::Planned::Abort,
        };
        let _ = sender.blocking_send(last);
        plan
    });
    let applied = store.apply_planned(actor, organisation, receiver).await;
    let plan = planning
        .await
        .map_err(|e| Failure::Usage(anyhow::anyhow!("planning stopped: {e}")))?
        .map_err(|e| Failure::Usage(anyhow::anyhow!("{file}: {e}")))?;
    conclude(&plan, json, Some(applied))
}

fn print_report(plan: &plan::Plan, written: bool) {
    let totals = plan.totals();
    out!(
        "{}: {} new, {} changed, {} unchanged",
        if written {
            "imported"
        } else {
            "would import (nothing written)"
        },
        totals.nieuw,
        totals.gewijzigd,
        totals.ongewijzigd
    );
    for (kind, counts) in &plan.per_kind {
        out!(
            "  {:<24} {:>5} new {:>5} changed {:>5} unchanged",
            kind.resource(),
            counts.nieuw,
            counts.gewijzigd,
            counts.ongewijzigd
        );
    }
    for (label, issues) in [("error", &plan.errors), ("warning", &plan.warnings)] {
        for issue in issues.iter() {
            out!(
                "{label}: row {}, column '{}', value '{}': {}",
                issue.row,
                issue.column,
                issue.value,
                issue.message
            );
        }
    }
}

async fn export(
    database: &str,
    file: &str,
    org: &str,
    format: Option<&str>,
) -> Result<(), Failure> {
    let format = match format {
        Some(f) => f.to_lowercase(),
        None if file.to_lowercase().ends_with(".csv") => "csv".into(),
        None if file.to_lowercase().ends_with(".xml") => "ameff".into(),
        None => "xlsx".into(),
    };
    let store = connect(database).await?;
    let organisation = organisation(&store, org).await?;
    let existing = store.register(organisation.id).await?;
    let bytes = match format.as_str() {
        "csv" => export::application_list_csv(&existing, store.catalog()),
        "xlsx" => export::register_workbook(&organisation.name, &existing, store.catalog())
            .map_err(|e| Failure::Usage(anyhow::anyhow!("cannot make the workbook: {e}")))?,
        "ameff" | "xml" => regisseur_interchange::archimate::write_model(
            &organisation.name,
            &existing,
            store.catalog(),
        )
        .into_bytes(),
        other => {
            return Err(Failure::Usage(anyhow::anyhow!(
                "unknown format '{other}': use xlsx, csv or ameff"
            )));
        }
    };
    std::fs::write(file, bytes).with_context(|| format!("cannot write {file}"))?;
    eprintln!(
        "{} elements of {} written to {file}",
        existing.len(),
        organisation.slug
    );
    Ok(())
}

/// How `regisseur check` reports.
struct CheckOptions {
    json: bool,
    fail_on: Option<Severity>,
    today: chrono::NaiveDate,
    settings: Option<Settings>,
    lang: Lang,
}

impl CheckOptions {
    /// Reads the options; every problem with them is a usage error (exit 2), before anything
    /// is opened.
    fn parse(
        json: bool,
        fail_on: Option<String>,
        settings: Option<String>,
        lang: &str,
    ) -> Result<CheckOptions, Failure> {
        let usage = |message: String| Failure::Usage(anyhow::anyhow!(message));
        let fail_on = match fail_on.as_deref() {
            None => None,
            Some(code) => match Severity::parse(code) {
                Some(s @ (Severity::Fout | Severity::Waarschuwing)) => Some(s),
                _ => return Err(usage(format!("--fail-on {code}: use fout or waarschuwing"))),
            },
        };
        let today = regisseur_web::kit::clock::today();
        let settings = match settings.as_deref() {
            None => None,
            Some(file) => {
                let text = std::fs::read_to_string(file)
                    .with_context(|| format!("cannot read settings {file}"))?;
                let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                    usage(format!(
                        "{file}: not valid JSON (line {}, column {}): {e}",
                        e.line(),
                        e.column()
                    ))
                })?;
                Some(
                    Settings::parse(&value)
                        .map_err(|e| usage(format!("{file}:\n{}", describe(&e))))?,
                )
            }
        };
        let lang =
            Lang::from_code(lang).ok_or_else(|| usage(format!("--lang {lang}: use nl or en")))?;
        Ok(CheckOptions {
            json,
            fail_on,
            today,
            settings,
            lang,
        })
    }
}

async fn check_org(database: &str, org: &str, options: CheckOptions) -> Result<(), Failure> {
    let store = connect(database).await?;
    let organisation = organisation(&store, org).await?;
    let report = store
        .quality_report(organisation.id, options.today, options.settings.clone())
        .await?;
    conclude_check(&organisation.name, &report, &options)
}

/// Checks an import file as it would be after importing it into an empty register, in a
/// database that exists only while the check runs.
async fn check_file(file: &str, options: CheckOptions) -> Result<(), Failure> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {file}"))?;
    let format =
        sheet::detect_format(file, &bytes).map_err(|e| Failure::Usage(anyhow::anyhow!("{e}")))?;
    let store = connect("sqlite::memory:").await?;
    let new = NewOrganisation::parse("controle", "Controle", None)
        .map_err(|e| Failure::Usage(anyhow::anyhow!(describe(&e))))?;
    let organisation = store.create_organisation(&new).await?;
    let plan = regisseur_interchange::plan_import(format, &bytes, &[], store.catalog())
        .map_err(|e| Failure::Usage(anyhow::anyhow!("{file}: {e}")))?;
    if !plan.errors.is_empty() {
        // The rows that cannot be read come first: the same report as the import gives.
        return conclude(&plan, options.json, None);
    }
    store
        .apply_changes(
            &regisseur_store::Actor::system(),
            organisation.id,
            &plan.changes,
        )
        .await?;
    // A file holds a register, not the municipality's goals: the rules about goals stay out.
    let mut settings = options.settings.clone().unwrap_or_default();
    for rule in [RuleId::NoGoals, RuleId::GoalWithoutKpi] {
        settings.rules.insert(
            rule,
            regisseur_domain::quality::RuleSetting {
                enabled: false,
                severity: None,
            },
        );
    }
    let report = store
        .quality_report(organisation.id, options.today, Some(settings))
        .await?;
    let name = std::path::Path::new(file)
        .file_name()
        .map_or(file.to_string(), |n| n.to_string_lossy().into_owned());
    conclude_check(&name, &report, &options)
}

fn conclude_check(name: &str, report: &Report, options: &CheckOptions) -> Result<(), Failure> {
    let lang = options.lang;
    if options.json {
        print_json(&report.to_json(lang));
    } else {
        let score = |s: Option<f64>| s.map_or("–".to_string(), |s| format!("{s:.1}"));
        out!(
            "{name}, {}: score {} / 100 ({} elements scored)",
            report.today,
            score(Some(report.scores.overall)),
            report.scores.elements
        );
        for (area, s) in &report.scores.per_area {
            out!(
                "  {:<16} {:>6}   {} fout, {} waarschuwing, {} info",
                area.code(),
                score(s.score),
                s.findings[0],
                s.findings[1],
                s.findings[2]
            );
        }
        for finding in &report.findings {
            out!(
                "{:<13} {:<40} {} '{}': {}",
                finding.severity.code(),
                finding.rule.code(),
                finding.subject.code(),
                finding.name,
                finding.message(lang)
            );
        }
    }
    match options.fail_on {
        Some(threshold) if report.fails_on(threshold) => {
            let count = report
                .findings
                .iter()
                .filter(|f| f.severity.at_least(threshold))
                .count();
            Err(Failure::Check(format!(
                "{count} finding(s) of severity {} or worse",
                threshold.code()
            )))
        }
        _ => Ok(()),
    }
}

/// The advice from an answers file and a quality score; every problem in them is a usage error
/// (exit 2) and no advice is printed.
fn readiness_from_file(file: &str, quality_score: Option<f64>) -> Result<Advice, Failure> {
    let usage = |message: String| Failure::Usage(anyhow::anyhow!(message));
    let score = match quality_score {
        Some(s) if (0.0..=100.0).contains(&s) => s,
        Some(s) => return Err(usage(format!("--quality-score {s}: use 0 to 100"))),
        None => return Err(usage("--answers needs --quality-score N".into())),
    };
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {file}"))?;
    let parsed: AnswersFile =
        toml::from_str(&text).map_err(|e| usage(format!("{file}: {}", e.to_string().trim())))?;
    let (answers, goals_with_kpi) = parsed
        .check()
        .map_err(|e| usage(format!("{file}:\n{}", describe(&e))))?;
    Ok(readiness::advise(readiness::Inputs {
        answers: &answers,
        quality: &readiness::QualityEvidence::uniform(score),
        goals_with_kpi,
        domains: &[],
    }))
}

fn print_advice(advice: &Advice, json: bool, lang: Lang) {
    if json {
        print_json(&advice.to_json(lang));
        return;
    }
    out!("{} ({})", advice.verdict.label(lang), advice.verdict.code());
    out!("quality score: {:.1}", advice.quality);
    for d in &advice.dimensions {
        let score = d.score.map_or("–".to_string(), |s| format!("{s:.2}"));
        out!(
            "  {:<24} {:>5}   {}/{} answered",
            d.dimension.code(),
            score,
            d.answered,
            d.questions
        );
    }
    for reason in &advice.reasons {
        out!("reason: {}", reason.text(lang));
    }
    for (i, action) in advice.actions.iter().enumerate() {
        out!("action {}: {}", i + 1, action.description(lang));
    }
    for domain in &advice.domains {
        out!("domain {}: {}", domain.domain.code(), domain.verdict.code());
    }
}

/// The route advice from the command line's figures; bad input is named, exit 2.
fn procurement_route(
    kind: &str,
    annual_value: &str,
    (months, option_months, indefinite): (u32, u32, bool),
    notice_date: &str,
    factors: route::Factors,
    json: bool,
) -> Result<(), Failure> {
    let usage = |message: String| Failure::Usage(anyhow::anyhow!(message));
    let kind = route::Kind::parse(kind).ok_or_else(|| {
        usage(format!(
            "--type {kind}: use one of {}",
            route::Kind::ALL.map(route::Kind::code).join(", ")
        ))
    })?;
    let annual_value = regisseur_domain::values::Cents::parse_euros(annual_value)
        .map(|c| c.0 as f64 / 100.0)
        .map_err(|p| {
            usage(format!(
                "--annual-value {annual_value}: {}",
                p.message(Lang::En)
            ))
        })?;
    let notice_date = chrono::NaiveDate::parse_from_str(notice_date.trim(), "%Y-%m-%d")
        .map_err(|_| usage(format!("--notice-date {notice_date}: use YYYY-MM-DD")))?;
    let input = route::RouteInput {
        kind,
        annual_value,
        months,
        option_months,
        indefinite,
        notice_date,
        policy: route::PolicyThresholds::default(),
        factors,
        assumptions: route::Assumptions::default(),
    };
    input.check().map_err(|e| {
        let flag = |name: &str| match name {
            "jaarwaarde" => "--annual-value".to_string(),
            "maanden" => "--months".into(),
            "optieMaanden" => "--option-months".into(),
            "publicatiedatum" => "--notice-date".into(),
            other => other.to_string(),
        };
        usage(
            e.0.iter()
                .map(|f| format!("{}: {}", flag(&f.name), f.problem.message(Lang::En)))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    let advice = route::advise(&input, Lang::Nl);
    if json {
        print_json(&advice.to_json(Lang::Nl));
        return Ok(());
    }
    out!(
        "estimated value {:.2} ({}); EU threshold {:.0}: {}",
        advice.estimated_value,
        advice.value_basis,
        advice.threshold,
        if advice.european {
            "European procedure"
        } else {
            "below the threshold"
        }
    );
    for p in &advice.procedures {
        out!(
            "  {:<45} {:<4} {}",
            p.procedure.code(),
            if p.allowed { "yes" } else { "no" },
            p.ground
        );
    }
    out!("advice: {}", advice.advice.code());
    for line in &advice.motivation {
        out!("  {line}");
    }
    out!(
        "best value: {} — {}",
        if advice.best_value.0 {
            "fits"
        } else {
            "does not fit"
        },
        advice.best_value.1
    );
    out!(
        "market consultation: {} — {}",
        if advice.market_consultation.0 {
            "yes"
        } else {
            "no"
        },
        advice.market_consultation.1
    );
    for step in &advice.planning {
        out!("  {}  {:<30} {}", step.date, step.code, step.basis);
    }
    for warning in &advice.warnings {
        out!("warning: {warning}");
    }
    Ok(())
}

/// Computes the SLA report of a file; every problem is named with its key path and line (exit 2).
fn sla(file: &str, json: bool) -> Result<(), Failure> {
    use regisseur_domain::regie::sla::{SlaInput, compute};
    let usage = |message: String| Failure::Usage(anyhow::anyhow!(message));
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {file}"))?;
    let input: SlaInput = regisseur_interchange::toml_file::read(
        &text,
        |i: &SlaInput| i.prepare().map(|_| ()),
        Lang::En,
    )
    .map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        usage(format!("{file}:\n{}", lines.join("\n")))
    })?;
    let prepared = input
        .prepare()
        .map_err(|e| usage(format!("{file}:\n{}", describe(&e))))?;
    let report = compute(&prepared);
    if json {
        print_json(&report.to_json());
        return Ok(());
    }
    for month in &report.months {
        out!(
            "{:04}-{:02}  credit {:.2}% = {:.2}",
            month.month.0,
            month.month.1,
            month.credit_share * 100.0,
            month.credit_amount
        );
        for n in &month.norms {
            out!(
                "  {:<36} {:>10}  {}",
                n.norm,
                n.value.map_or("–".to_string(), |v| format!("{v:.3}%")),
                if n.met { "met" } else { "missed" }
            );
        }
    }
    out!("total credits {:.2}", report.total_credits);
    if !report.chronic.is_empty() {
        out!("chronic failure: {}", report.chronic.join(", "));
    }
    Ok(())
}

/// Evaluates a tender file; every problem is named with its key path and line (exit 2).
fn evaluate(file: &str, json: bool) -> Result<(), Failure> {
    let usage = |message: String| Failure::Usage(anyhow::anyhow!(message));
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {file}"))?;
    let tender: evaluation::Tender =
        regisseur_interchange::toml_file::read(&text, evaluation::Tender::check, Lang::En)
            .map_err(|problems| {
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                usage(format!("{file}:\n{}", lines.join("\n")))
            })?;
    let result = evaluation::evaluate(&tender);
    if json {
        print_json(&result.to_json());
        return Ok(());
    }
    out!("{} ({})", tender.naam, result.method.code());
    for r in &result.ranking {
        let figure = match (r.total, r.assessed_price) {
            (Some(total), _) => format!("total {total:.2}"),
            (_, Some(price)) => format!("assessed price {price:.2}"),
            _ => String::new(),
        };
        out!(
            "  {}{} {:<30} quality {:.4}  {figure}",
            r.rank,
            if r.shared { "=" } else { " " },
            r.bidder,
            r.quality
        );
    }
    for (who, why) in &result.excluded {
        out!("excluded: {who} — {why}");
    }
    for s in &result.sensitivity {
        out!(
            "sensitivity {}: weight {} → winner changes at {}",
            s.criterion,
            s.current,
            s.switch
                .map_or("none within [0, 1]".to_string(), |w| w.to_string())
        );
    }
    for r in result.rank_reversal.iter().filter(|r| !r.pairs.is_empty()) {
        let pairs: Vec<String> = r.pairs.iter().map(|(a, b)| format!("{a} ↔ {b}")).collect();
        out!("rank reversal without {}: {}", r.without, pairs.join(", "));
    }
    Ok(())
}

/// Reads a business case and prints its figures; every problem is named with its key path and
/// line (exit 2).
fn business_case(file: &str, json: bool, runs: usize, seed: u64) -> Result<(), Failure> {
    let usage = |message: String| Failure::Usage(anyhow::anyhow!(message));
    if !(1..=1_000_000).contains(&runs) {
        return Err(usage(format!("--runs {runs}: use 1 to 1,000,000")));
    }
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {file}"))?;
    let input =
        regisseur_interchange::business_case::read_toml(&text, Lang::En).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            usage(format!("{file}:\n{}", lines.join("\n")))
        })?;
    let report = input.report_json(runs, seed);
    if json {
        print_json(&report);
        return Ok(());
    }
    out!("{}", input.naam);
    out!(
        "{:>6} {:>16} {:>16} {:>16} {:>16}",
        "jaar",
        "eigen beheer",
        "kasstroom",
        "uitbesteed",
        "kasstroom"
    );
    for year in report["jaren"].as_array().into_iter().flatten() {
        out!(
            "{:>6} {:>16.2} {:>16.2} {:>16.2} {:>16.2}",
            year["jaar"],
            year["eigenBeheer"]["totaal"].as_f64().unwrap_or(0.0),
            year["eigenBeheer"]["kasstroom"].as_f64().unwrap_or(0.0),
            year["uitbesteed"]["totaal"].as_f64().unwrap_or(0.0),
            year["uitbesteed"]["kasstroom"].as_f64().unwrap_or(0.0)
        );
    }
    out!(
        "NPV in-house {:.2}, outsourced {:.2}, difference {:.2}; payback year {}",
        report["ncwEigenBeheer"].as_f64().unwrap_or(0.0),
        report["ncwUitbesteed"].as_f64().unwrap_or(0.0),
        report["ncwVerschil"].as_f64().unwrap_or(0.0),
        report["terugverdienjaar"]
    );
    if let Some(mc) = report.get("monteCarlo") {
        out!(
            "Monte Carlo ({} runs): P10 {}, P50 {}, P90 {}; outsourcing cheaper in {:.1}% of runs",
            mc["runs"],
            mc["p10"],
            mc["p50"],
            mc["p90"],
            mc["kansGoedkoper"].as_f64().unwrap_or(0.0) * 100.0
        );
    }
    Ok(())
}
