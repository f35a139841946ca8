//! Files uploaded for import, kept between the preview and the confirmation.

use crate::db::{Col, Param};
use crate::{Store, StoreError, now_text, time_text};
use uuid::Uuid;

/// How long an upload waits for its confirmation.
pub const UPLOAD_HOURS: i64 = 24;

impl Store {
    /// Keeps an uploaded file; removes uploads older than a day.
    pub async fn save_upload(
        &self,
        organisation_id: Uuid,
        user_id: Uuid,
        file_name: &str,
        content: &[u8],
    ) -> Result<Uuid, StoreError> {
        let cutoff = time_text(chrono::Utc::now() - chrono::Duration::hours(UPLOAD_HOURS));
        self.db
            .execute(
                "DELETE FROM uploads WHERE created_at < $1",
                &[cutoff.into()],
            )
            .await?;
        let id = Uuid::now_v7();
        self.db
            .execute(
                "INSERT INTO uploads (id, organisation_id, user_id, file_name, content, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                &[id.into(), organisation_id.into(), user_id.into(), file_name.into(), Param::Bytes(content.to_vec()), now_text().into()],
            )
            .await?;
        Ok(id)
    }

    /// An upload of this user in this organisation: its file name and content.
    pub async fn upload(
        &self,
        organisation_id: Uuid,
        user_id: Uuid,
        id: Uuid,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row = self
            .db
            .fetch_one(
                "SELECT file_name, content FROM uploads WHERE id = $1 AND organisation_id = $2 AND user_id = $3",
                &[id.into(), organisation_id.into(), user_id.into()],
                &[Col::Text, Col::Bytes],
            )
            .await?;
        row.map(|r| Ok((r.text(0)?, r.bytes(1)?))).transpose()
    }

    pub async fn delete_upload(&self, id: Uuid) -> Result<(), StoreError> {
        self.db
            .execute("DELETE FROM uploads WHERE id = $1", &[id.into()])
            .await?;
        Ok(())
    }
}
