//! Claiming background work (erasure jobs, archive builds, mail) under a
//! lease: several servers may see the same candidates, and a conditional
//! update on each decides which one wins it.

use super::ServiceError;
use std::future::Future;

/// Tries `claim` on each candidate in order (a conditional update that returns
/// the row as claimed, or `None` when another worker got there first) and
/// returns the first one won.
pub async fn first_won<T, F, Fut>(
    candidates: Vec<T>,
    mut claim: F,
) -> Result<Option<T>, ServiceError>
where
    F: FnMut(T) -> Fut,
    Fut: Future<Output = Result<Option<T>, ServiceError>>,
{
    for candidate in candidates {
        if let Some(won) = claim(candidate).await? {
            return Ok(Some(won));
        }
    }
    Ok(None)
}
