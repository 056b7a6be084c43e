//! `kornews`: arguments → library → exit code.
//!
//! Exit codes: 0 every document ok or empty; 1 some documents had errors (all others written);
//! 2 usage error or a run that could not write its output.

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
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Directory with the gold tables (entities.csv).
    #[arg(long)]
    gold: PathBuf,
    /// Directory with the predicted tables (an `extract` output directory).
    #[arg(long)]
    pred: PathBuf,
    /// Also list every miss and false alarm.
    #[arg(long, short)]
    verbose: bool,
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
    }
}

fn run_eval(args: EvalArgs) -> ExitCode {
    let gold = args.gold.join("entities.csv");
    let pred = args.pred.join("entities.csv");
    let (gold, pred) = match (kornews::eval::read_entities(&gold), kornews::eval::read_entities(&pred)) {
        (Ok(g), Ok(p)) => (g, p),
        (Err(e), _) | (_, Err(e)) => return usage(&e),
    };
    let scores = kornews::eval::score_entities(&gold, &pred);
    print!("{}", kornews::eval::report_entities(&scores, args.verbose));
    ExitCode::SUCCESS
}

fn run_extract(args: ExtractArgs) -> ExitCode {
    let data = match &args.dictionaries {
        Some(dir) => match DataFiles::from_dir(dir) {
            Ok(d) => d,
            Err(e) => return usage(&e),
        },
        None => DataFiles::embedded(),
    };
    let mut pipeline = match Pipeline::new(data) {
        Ok(p) => p,
        Err(e) => return usage(&e),
    };
    if let Err(e) = pipeline.select_stages(&args.stages) {
        return usage(&e);
    }
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
    };
    match extract(&pipeline, &opts) {
        Ok(s) => {
            if !args.quiet {
                eprintln!(
                    "kornews: {} documents ({} ok, {} empty, {} errors), {:.1} MB in {:.2} s → {}",
                    s.documents,
                    s.ok,
                    s.empty,
                    s.errors,
                    s.bytes as f64 / 1e6,
                    s.seconds,
                    opts.out.display()
                );
            }
            if s.errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(kornews::run::Fatal(e)) => usage(&e),
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("kornews: error: {message}");
    ExitCode::from(2)
}
