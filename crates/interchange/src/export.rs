//! Export: placeholder replaced below.
