//! Thread CPU time for the diagnostic examples (not disturbed by other processes taking the core).

use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Instant(Duration);

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

impl Instant {
    pub fn now() -> Instant {
        let mut ts = Timespec { sec: 0, nsec: 0 };
        // CLOCK_THREAD_CPUTIME_ID = 3 on Linux.
        unsafe { clock_gettime(3, &mut ts) };
        Instant(Duration::new(ts.sec as u64, ts.nsec as u32))
    }

    pub fn elapsed(&self) -> Duration {
        Instant::now().0 - self.0
    }
}
