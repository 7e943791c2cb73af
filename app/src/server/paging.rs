//! One page of a query's rows, for every paged list (tickets, team, audit log,
//! activity, outbox): counting stops at a cap, the page number is clamped to
//! the last counted page, and the totals travel with the rows until the caller
//! has turned them into views.
use super::ServiceError;
use crate::model::Paged;
use sea_orm::{
    sea_query::{Expr, SelectStatement},
    ConnectionTrait, DatabaseConnection, EntityTrait, QuerySelect, QueryTrait, Select,
};

/// Rows counted at most for a list's total: beyond this a list says "10000+"
/// instead of counting a million rows on every page view.
pub const COUNT_CAP: u64 = 10_000;

/// The last page a list opens past its count (page numbers come from the
/// address bar: a huge one must not overflow or scan without end).
pub const MAX_PAGE: u64 = 10_000;

/// Where a fetched page sits among the others.
pub struct Pager {
    page: u64,
    total_pages: u64,
    total_items: u64,
    more: bool,
}

impl Pager {
    /// The page as the browser gets it, with the rows turned into `items`.
    pub fn with_items<T>(&self, items: Vec<T>) -> Paged<T> {
        Paged {
            items,
            page: self.page,
            total_pages: self.total_pages,
            total_items: self.total_items,
            more: self.more,
        }
    }
}

/// Page `page` (from 0) of `query`, `size` rows a page. Counting stops at
/// [`COUNT_CAP`]; below it, past the end means the last page.
pub async fn fetch<E>(
    db: &DatabaseConnection,
    query: Select<E>,
    page: u64,
    size: u64,
) -> Result<(Vec<E::Model>, Pager), ServiceError>
where
    E: EntityTrait,
    E::Model: Sync,
{
    fetch_counting_to(db, query, page, size, COUNT_CAP).await
}

/// [`fetch`] with the count's cap as an argument (tests use a small one).
pub async fn fetch_counting_to<E>(
    db: &DatabaseConnection,
    query: Select<E>,
    page: u64,
    size: u64,
    cap: u64,
) -> Result<(Vec<E::Model>, Pager), ServiceError>
where
    E: EntityTrait,
    E::Model: Sync,
{
    let size = size.max(1);
    let counted = count_to(db, &query, cap).await?;
    let more = counted > cap;
    let total_items = counted.min(cap);
    let counted_pages = total_items.div_ceil(size).max(1);
    // Past the count, pages still open, up to a bound on how far an offset may scan.
    let page = if more {
        page.min(MAX_PAGE)
    } else {
        page.min(counted_pages - 1)
    };
    // One row more than a page tells whether an older page exists past the count.
    let mut rows = query
        .offset(page.saturating_mul(size))
        .limit(size + 1)
        .all(db)
        .await?;
    let has_next = rows.len() as u64 > size;
    rows.truncate(size as usize);
    let total_pages = if more {
        counted_pages.max(page + 1 + u64::from(has_next))
    } else {
        counted_pages
    };
    let pager = Pager {
        page,
        total_pages,
        total_items,
        more,
    };
    Ok((rows, pager))
}

/// How many rows `query` has, counted up to `cap + 1` (a `COUNT(*)` over a
/// `LIMIT cap + 1` sub-query): more than `cap` means "more than the cap".
pub async fn count_to<E>(
    db: &impl ConnectionTrait,
    query: &Select<E>,
    cap: u64,
) -> Result<u64, ServiceError>
where
    E: EntityTrait,
{
    let capped = SelectStatement::new()
        .expr(Expr::cust("COUNT(*) AS n"))
        .from_subquery(
            query
                .clone()
                .into_query()
                .clear_order_by()
                .limit(cap + 1)
                .to_owned(),
            "capped",
        )
        .to_owned();
    Ok(match db.query_one(&capped).await? {
        Some(row) => row.try_get::<i64>("", "n")?.max(0) as u64,
        None => 0,
    })
}
