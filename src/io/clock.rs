//! The clock: today's date, which the core never reads itself.

use nianbao_core::date::Date;

/// Today's date on the user's clock.
#[cfg(target_arch = "wasm32")]
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// Today's date when rendering on the build machine (the prerendered page).
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    Date::from_days_since_epoch((seconds + 8 * 3600).div_euclid(86_400))
}
