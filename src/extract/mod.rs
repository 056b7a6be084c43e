//! Extraction stages. Each stage reads an [`Analysis`] (sentences, morphemes, what earlier stages
//! found) and adds what it assigns: `entities`, `quotes` or `commitments`. Stages are registered
//! by name and run in order on every document, each with its own per-thread scratch space.

pub mod commitments;
pub mod entities;
pub mod lexicon;
pub mod quotes;

use crate::doc::Analysis;

/// One extraction stage. Implementations hold only read-only resources (lexicons, compiled
/// patterns) loaded once per run; they are shared by every thread.
pub trait Stage: Send + Sync {
    /// Name used on the command line and in run.json.
    fn name(&self) -> &'static str;
    /// What this stage fills in the analysis (`entities`, `quotes`, `commitments`).
    fn assigns(&self) -> &'static str;
    /// Runs on one document. Must depend on this document only (no cross-document state), so
    /// output does not depend on thread count or input partitioning.
    fn run(&self, analysis: &mut Analysis);
    /// A copy for one worker thread (see [`crate::Pipeline::fork`]): same rules and lexicons, and
    /// regex search scratch space of its own.
    fn fork(&self) -> Box<dyn Stage>;
}

/// The stages kornews runs, in order.
pub fn default_stages(data: &crate::resources::DataFiles) -> Result<Vec<Box<dyn Stage>>, String> {
    Ok(vec![
        Box::new(entities::EntityStage::new(data)?),
        Box::new(quotes::QuoteStage::new(data)?),
        Box::new(commitments::CommitmentStage::new(data)?),
    ])
}
