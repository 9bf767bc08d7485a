//! What kapstok's tests share: a store on a fixed clock, sample members, agreements and courses.
