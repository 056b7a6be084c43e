//! `kornews`: arguments → library → exit code.
//!
//! `extract` exit codes: 0 every document ok or empty; 1 some documents had errors (all others
//! written); 2 usage error or a refused `--resume`; 3 the output could not be written; 4 internal
//! error (a crashed thread). With 2, 3 and 4 no table of the run was put in place.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use kornews::ingest::{published::parse_iso, IngestOptions};
use kornews::resources::DataFiles;
use kornews::run::{extract, ExtractOptions};
use kornews::Pipeline;

#[derive(Parser)]
#[command(name = "kornews", version, about = "Korean news articles → CSV tables (sentences, morphemes, entities, quotes, commitments)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Process articles into tables in an output directory.
    Extract(ExtractArgs),
    /// Score predicted tables against gold tables.
    Eval(EvalArgs),
    /// Read JSONL articles on stdin, write the rows of every table as CSV on stdout (for Spark
    /// `rdd.pipe`, `SELECT TRANSFORM` and other shard runners).
    Pipe(PipeArgs),
}

#[derive(clap::Args)]
struct PipeArgs {
    /// Also write `tokens` rows (one per morpheme).
    #[arg(long)]
    tokens: bool,
    /// Publication date (YYYY-MM-DD) for articles whose JSONL record has none.
    #[arg(long, value_parser = parse_date)]
    published: Option<kornews::doc::Date>,
    /// Read lexicons from this directory instead of the copies embedded in the binary.
    #[arg(long)]
    dictionaries: Option<PathBuf>,
    /// Extraction stages to run, comma-separated (`entities`), or `none`.
    #[arg(long, default_value = "all")]
    stages: String,
    /// Worker threads. Rows are written in input order whatever the number.
    #[arg(long, short = 'j', default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    threads: u16,
    /// Lines larger than this many bytes are reported as errors and not processed.
    #[arg(long, default_value_t = 64 << 20)]
    max_article_bytes: usize,
    /// Put stdin line numbers in ids (`-:LINE` for records without `id`), sources and messages,
    /// as `extract -` does. The rows then depend on the position of each line: do not use it
    /// when the input is split across processes.
    #[arg(long)]
    line_numbers: bool,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Directory with the gold tables (entities.csv, quotes.csv, commitments.csv, annotated.csv).
    #[arg(long)]
    gold: PathBuf,
    /// Directory with the predicted tables (an `extract` output directory).
    #[arg(long)]
    pred: PathBuf,
    /// Also list every miss, false alarm and disagreement.
    #[arg(long, short)]
    verbose: bool,
    /// What to score: entities, quotes, commitments, or all (each task whose gold table exists).
    #[arg(long, default_value = "all", value_parser = ["all", "entities", "quotes", "commitments"])]
    task: String,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// .txt files, directories (searched recursively for .txt, .jsonl, .jsonl.gz), .jsonl or
    /// .jsonl.gz files, or `-` for JSONL on stdin. Default: corpus/
    inputs: Vec<String>,
    /// Output directory.
    #[arg(long, short, default_value = "output")]
    out: PathBuf,
    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Also write tokens.csv (one row per morpheme).
    #[arg(long)]
    tokens: bool,
    /// Publication date (YYYY-MM-DD) for articles whose JSONL record has none.
    #[arg(long, value_parser = parse_date)]
    published: Option<kornews::doc::Date>,
    /// Articles larger than this many bytes are reported as errors and not processed.
    #[arg(long, default_value_t = 64 << 20)]
    max_article_bytes: usize,
    /// Read lexicons from this directory instead of the copies embedded in the binary.
    #[arg(long)]
    dictionaries: Option<PathBuf>,
    /// Extraction stages to run, comma-separated (`entities`), or `none`.
    #[arg(long, default_value = "all")]
    stages: String,
    /// No progress display.
    #[arg(long, short)]
    quiet: bool,
    /// Continue the interrupted run in the output directory from its last checkpoint (the same
    /// inputs and options are required).
    #[arg(long)]
    resume: bool,
    /// For spreadsheets: a UTF-8 BOM at the start of every table, and a `'` before every cell that
    /// starts with =, +, -, @, tab or CR.
    #[arg(long)]
    excel: bool,
}

fn parse_date(s: &str) -> Result<kornews::doc::Date, String> {
    if s.len() != 10 {
        return Err(format!("{s:?} is not a date of the form YYYY-MM-DD"));
    }
    parse_iso(s).ok_or_else(|| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => run_extract(args),
        Command::Eval(args) => run_eval(args),
        Command::Pipe(args) => run_pipe(args),
    }
}

fn run_eval(args: EvalArgs) -> ExitCode {
    use kornews::eval;
    let want = |t: &str| args.task == "all" || args.task == t;
    let mut scored = 0;
    if want("entities") && (args.task == "entities" || args.gold.join("entities.csv").exists()) {
        let (gold, pred) = match (eval::read_entities(&args.gold.join("entities.csv")), eval::read_entities(&args.pred.join("entities.csv"))) {
            (Ok(g), Ok(p)) => (g, p),
            (Err(e), _) | (_, Err(e)) => return usage(&e),
        };
        print!("{}", eval::report_entities(&eval::score_entities(&gold, &pred), args.verbose));
        scored += 1;
    }
    type Scorer = fn(&[eval::RowMap], &[eval::RowMap], &std::collections::HashSet<String>) -> eval::SpanScores;
    let tasks: [(&str, &[&str], Scorer); 2] = [
        ("quotes", &["doc_id", "start", "end", "kind", "text", "speaker"], eval::score_quotes),
        ("commitments", &["doc_id", "start", "end", "text", "actor", "action", "deadline", "modality"], eval::score_commitments),
    ];
    for (task, cols, score) in tasks {
        let gold_path = args.gold.join(format!("{task}.csv"));
        if !want(task) || (args.task == "all" && !gold_path.exists()) {
            continue;
        }
        let gold = match eval::read_table(&gold_path, cols) {
            Ok(g) => g,
            Err(e) => return usage(&e),
        };
        let pred = match eval::read_table(&args.pred.join(format!("{task}.csv")), cols) {
            Ok(p) => p,
            Err(e) => return usage(&e),
        };
        let docs = match eval::annotated_documents(&args.gold, task, &gold) {
            Ok(d) => d,
            Err(e) => return usage(&e),
        };
        if scored > 0 {
            println!();
        }
        print!("{}", eval::report_spans(&score(&gold, &pred, &docs), args.verbose));
        scored += 1;
    }
    if scored == 0 {
        return usage(&format!("{}: no gold table to score", args.gold.display()));
    }
    ExitCode::SUCCESS
}

/// The lexicons (built in, or from `--dictionaries DIR`) and the pipeline with the chosen stages.
fn load_pipeline(dictionaries: Option<&std::path::Path>, stages: &str) -> Result<Pipeline, String> {
    let data = match dictionaries {
        Some(dir) => DataFiles::from_dir(dir)?,
        None => DataFiles::embedded(),
    };
    let mut pipeline = Pipeline::new(data)?;
    pipeline.select_stages(stages)?;
    Ok(pipeline)
}

fn run_extract(args: ExtractArgs) -> ExitCode {
    let pipeline = match load_pipeline(args.dictionaries.as_deref(), &args.stages) {
        Ok(p) => p,
        Err(e) => return usage(&e),
    };
    let inputs = if args.inputs.is_empty() { vec!["corpus".to_string()] } else { args.inputs };
    let opts = ExtractOptions {
        inputs,
        out: args.out,
        threads: args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1),
        tokens: args.tokens,
        quiet: args.quiet,
        ingest: IngestOptions { published: args.published, max_article_bytes: args.max_article_bytes },
        chunk_docs: 32,
        chunk_bytes: 1 << 20,
        dictionaries: args.dictionaries.map_or("embedded".into(), |d| d.display().to_string()),
        resume: args.resume,
        excel: args.excel,
    };
    match extract(&pipeline, &opts) {
        Ok(s) if s.nothing_to_do => {
            eprintln!(
                "kornews: {} already holds the finished tables of this run ({} documents, {} errors); nothing to resume",
                opts.out.display(),
                s.documents,
                s.errors
            );
            ExitCode::from(if s.errors > 0 { 1 } else { 0 })
        }
        Ok(s) => {
            if !args.quiet {
                eprintln!(
                    "kornews: {} documents ({} ok, {} empty, {} errors), {:.1} MB in {:.2} s → {}{}",
                    s.documents,
                    s.ok,
                    s.empty,
                    s.errors,
                    s.bytes as f64 / 1e6,
                    s.seconds,
                    opts.out.display(),
                    s.resumed_at.map_or(String::new(), |n| format!(" (resumed after {n} documents)"))
                );
            }
            if s.errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("kornews: error: {}", e.message());
            ExitCode::from(e.exit_code())
        }
    }
}

/// `pipe` exit codes: 0 the whole input was read and every row written (documents with status
/// `error` included); 2 usage error; 3 stdout could not be written; 4 stdin could not be read.
fn run_pipe(args: PipeArgs) -> ExitCode {
    use kornews::pipe::{pipe, PipeError, PipeOptions};
    let pipeline = match load_pipeline(args.dictionaries.as_deref(), &args.stages) {
        Ok(p) => p,
        Err(e) => return usage(&e),
    };
    let opts = PipeOptions {
        tokens: args.tokens,
        threads: args.threads as usize,
        ingest: IngestOptions { published: args.published, max_article_bytes: args.max_article_bytes },
        line_numbers: args.line_numbers,
        ..PipeOptions::default()
    };
    let stdin = std::io::stdin().lock();
    let stdout = std::io::stdout().lock();
    match pipe(&pipeline, &opts, stdin, stdout) {
        Ok(_) => ExitCode::SUCCESS,
        Err(PipeError::Output(e)) => {
            eprintln!("kornews: error: cannot write to stdout: {e}");
            ExitCode::from(3)
        }
        Err(PipeError::Input(e)) => {
            eprintln!("kornews: error: cannot read stdin: {e}");
            ExitCode::from(4)
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("kornews: error: {message}");
    ExitCode::from(2)
}
