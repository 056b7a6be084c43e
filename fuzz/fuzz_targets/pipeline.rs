//! Arbitrary bytes through the whole pipeline, as one `.txt` article and as JSONL: no panic,
//! every offset within the text, every text cell equal to the original slice, one documents row
//! per article (the checks are `kornews::check`, shared with tests/fuzz_regressions.rs).
#![no_main]

use std::sync::OnceLock;

use kornews::resources::DataFiles;
use kornews::Pipeline;
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(DataFiles::embedded()).expect("embedded resources load"))
}

fuzz_target!(|data: &[u8]| {
    if let Err(e) = kornews::check::check_bytes(pipeline(), data) {
        panic!("{e}");
    }
});
