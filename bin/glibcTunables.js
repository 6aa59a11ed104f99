// The glibc malloc settings siilab's command line runs with on Linux (bin/siilab.js; the benchmarks
// run R and the reading child with the same). glibc reads them only when a process starts.
//
// - hugetlb=1: malloc's large blocks (a cohort's typed arrays) backed by transparent huge pages. A
//   first touch of fresh memory is one page fault per 2 MB instead of per 4 KB: reading a
//   1,000,000-row CSV took 350 ms instead of 650 ms, page faults fell from 100,000 to 25,000.
// - mmap_threshold=2 MB, trim_threshold=1 MB, top_pad=0: blocks of 2 MB or more are mapped on
//   their own and returned to the system when freed, and freed memory at the top of the heap is
//   given back, instead of glibc keeping it (by default its threshold rises to 32 MB as blocks are
//   freed, so a study's columns come from the heap and stay there as holes). Peak memory of
//   `analyze` on deng2025 at 100,000 patients: 590–612 → 475–509 MB in alternating runs, time
//   within the runs' spread (docs/readme/ingest.md, 2026-12-07).
// glibc < 2.35 ignores hugetlb; other C libraries ignore all of them.
export const GLIBC_TUNABLES = 'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=2097152:glibc.malloc.trim_threshold=1048576:glibc.malloc.top_pad=0';
