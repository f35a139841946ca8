//! The kit: everything the stages share and nothing that is one stage's own. Authentication and
//! sessions, the page chrome and forms, problem+json and the API's conventions, charts, assets,
//! the language of a request, and the views several stages show (the quality report, the
//! journey). A kit module never imports a stage.

pub mod api;
pub mod assets;
pub mod auth;
pub mod charts;
pub mod clock;
pub mod conventions;
pub mod figures;
pub mod i18n;
pub mod journey;
pub mod page;
pub mod precondition;
pub mod problem;
pub mod quality;
pub mod register;
pub mod session;
pub mod view;
