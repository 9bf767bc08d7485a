//! Helpers shared by the integration tests of kapstok-core: the shared test kit
//! (`kapstok-testkit`), so every test crate sets up stores, clocks and members the same way.

#![allow(unused_imports)]

pub use kapstok_testkit::*;
