//! One module a route.

pub mod embed;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod playground;
