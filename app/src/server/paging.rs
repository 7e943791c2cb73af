//! One page of a query's rows, for every paged list (tickets, team, audit log,
//! activity, outbox): the page number is clamped to the last page, and the
//! totals travel with the rows until the caller has turned them into views.
use super::ServiceError;
use crate::model::Paged;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, Select};

/// Where a fetched page sits among the others.
pub struct Pager {
    page: u64,
    total_pages: u64,
    total_items: u64,
}

impl Pager {
    /// The page as the browser gets it, with the rows turned into `items`.
    pub fn with_items<T>(&self, items: Vec<T>) -> Paged<T> {
        Paged {
            items,
            page: self.page,
            total_pages: self.total_pages,
            total_items: self.total_items,
        }
    }
}

/// Page `page` (from 0) of `query`, `size` rows a page; past the end means the last page.
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
    let paginator = query.paginate(db, size);
    let totals = paginator.num_items_and_pages().await?;
    let page = page.min(totals.number_of_pages.saturating_sub(1));
    let rows = paginator.fetch_page(page).await?;
    let pager = Pager {
        page,
        total_pages: totals.number_of_pages.max(1),
        total_items: totals.number_of_items,
    };
    Ok((rows, pager))
}
