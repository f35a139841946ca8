//! Organisations, users, their roles, sessions, API tokens and failed logins.
//! Passwords are stored as Argon2id PHC strings; session and API tokens only as SHA-256 hashes.

use crate::db::{Col, DbRow};
use crate::{Store, StoreError, now_text, parse_time, time_text};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Duration, Utc};
use regisseur_domain::access::Role;
use regisseur_domain::organisation::NewOrganisation;
use regisseur_domain::values::Email;
use regisseur_domain::{Problem, ValidationErrors};
use sha2::{Digest, Sha256};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub cbs_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
}

/// A user's role in one organisation; a supplier's user is tied to one supplier element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub organisation: Organisation,
    pub role: Role,
    pub supplier_id: Option<Uuid>,
}

impl Membership {
    /// The supplier a list must be limited to: `Some` for a supplier's user (the nil id when
    /// the account is tied to no supplier, so that it sees nothing), `None` for everyone else.
    pub fn supplier_scope(&self) -> Option<Uuid> {
        self.role
            .is_supplier()
            .then(|| self.supplier_id.unwrap_or_else(Uuid::nil))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// How long a login session lasts.
pub const SESSION_LIFETIME_HOURS: i64 = 12;

const ORG_COLS: [Col; 4] = [Col::Text, Col::Text, Col::Text, Col::Text];

fn organisation_from(row: &DbRow) -> Result<Organisation, StoreError> {
    Ok(Organisation {
        id: row.uuid(0)?,
        slug: row.text(1)?,
        name: row.text(2)?,
        cbs_code: row.opt_text(3)?,
    })
}

fn user_from(row: &DbRow) -> Result<User, StoreError> {
    Ok(User {
        id: row.uuid(0)?,
        email: row.text(1)?,
        name: row.text(2)?,
    })
}

/// A new random secret, as 64 hex characters.
pub(crate) fn random_secret() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Other(format!("no randomness: {e}")))?;
    Ok(hex::encode(bytes))
}

/// The stored form of a session or API token.
pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Hashes a password with Argon2id and a random salt, off the async threads.
async fn hash_password(password: String) -> Result<String, StoreError> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| StoreError::Other(format!("no randomness: {e}")))?;
        Argon2::default()
            .hash_password_with_salt(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| StoreError::Other(format!("password hashing failed: {e}")))
    })
    .await
    .map_err(|e| StoreError::Other(e.to_string()))?
}

async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(password.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

impl Store {
    pub async fn create_organisation(
        &self,
        new: &NewOrganisation,
    ) -> Result<Organisation, StoreError> {
        if self
            .organisation_by_slug(new.slug.as_str())
            .await?
            .is_some()
        {
            let mut errors = ValidationErrors::default();
            errors.push("slug", Problem::Duplicate);
            return Err(StoreError::Invalid(errors));
        }
        let org = Organisation {
            id: Uuid::now_v7(),
            slug: new.slug.as_str().to_string(),
            name: new.name.clone(),
            cbs_code: new.cbs_code.as_ref().map(|c| c.as_str().to_string()),
        };
        self.db
            .execute(
                "INSERT INTO organisations (id, slug, name, cbs_code, created_at) VALUES ($1, $2, $3, $4, $5)",
                &[
                    org.id.into(),
                    (&org.slug).into(),
                    (&org.name).into(),
                    org.cbs_code.clone().into(),
                    now_text().into(),
                ],
            )
            .await?;
        Ok(org)
    }

    pub async fn organisation_by_slug(
        &self,
        slug: &str,
    ) -> Result<Option<Organisation>, StoreError> {
        self.db
            .fetch_one(
                "SELECT id, slug, name, cbs_code FROM organisations WHERE slug = $1",
                &[slug.into()],
                &ORG_COLS,
            )
            .await?
            .map(|row| organisation_from(&row))
            .transpose()
    }

    pub async fn organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        self.db
            .fetch(
                "SELECT id, slug, name, cbs_code FROM organisations ORDER BY name",
                &[],
                &ORG_COLS,
            )
            .await?
            .iter()
            .map(organisation_from)
            .collect()
    }

    pub async fn organisation_count(&self) -> Result<i64, StoreError> {
        let row = self
            .db
            .fetch_one("SELECT COUNT(*) FROM organisations", &[], &[Col::Int])
            .await?;
        row.map_or(Ok(0), |r| r.int(0))
    }

    /// Creates a local account. The password must already have passed the domain's check.
    pub async fn create_user(
        &self,
        email: &Email,
        name: &str,
        password: &str,
    ) -> Result<User, StoreError> {
        if self.user_by_email(email.as_str()).await?.is_some() {
            let mut errors = ValidationErrors::default();
            errors.push("email", Problem::Duplicate);
            return Err(StoreError::Invalid(errors));
        }
        let hash = hash_password(password.to_string()).await?;
        let user = User {
            id: Uuid::now_v7(),
            email: email.as_str().to_string(),
            name: name.trim().to_string(),
        };
        self.db
            .execute(
                "INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
                &[user.id.into(), (&user.email).into(), (&user.name).into(), hash.into(), now_text().into()],
            )
            .await?;
        Ok(user)
    }

    pub async fn set_password(&self, user_id: Uuid, password: &str) -> Result<(), StoreError> {
        let hash = hash_password(password.to_string()).await?;
        self.db
            .execute(
                "UPDATE users SET password_hash = $1 WHERE id = $2",
                &[hash.into(), user_id.into()],
            )
            .await?;
        Ok(())
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>, StoreError> {
        self.db
            .fetch_one(
                "SELECT id, email, name FROM users WHERE email = $1",
                &[email.trim().to_lowercase().into()],
                &[Col::Text, Col::Text, Col::Text],
            )
            .await?
            .map(|row| user_from(&row))
            .transpose()
    }

    /// Checks an e-mail address and password; `None` when either is wrong.
    pub async fn verify_login(
        &self,
        email: &str,
        password: &str,
    ) -> Result<Option<User>, StoreError> {
        let row = self
            .db
            .fetch_one(
                "SELECT id, email, name, password_hash FROM users WHERE email = $1",
                &[email.trim().to_lowercase().into()],
                &[Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let Some(hash) = row.opt_text(3)? else {
            return Ok(None);
        };
        if verify_password(password.to_string(), hash).await {
            Ok(Some(user_from(&row)?))
        } else {
            Ok(None)
        }
    }

    /// Gives a user a role in an organisation, replacing an earlier one.
    pub async fn set_membership(
        &self,
        user_id: Uuid,
        organisation_id: Uuid,
        role: Role,
        supplier_id: Option<Uuid>,
    ) -> Result<(), StoreError> {
        let mut tx = self.db.begin().await?;
        tx.execute(
            "DELETE FROM memberships WHERE user_id = $1 AND organisation_id = $2",
            &[user_id.into(), organisation_id.into()],
        )
        .await?;
        tx.execute(
            "INSERT INTO memberships (user_id, organisation_id, role, supplier_id) VALUES ($1, $2, $3, $4)",
            &[
                user_id.into(),
                organisation_id.into(),
                role.code().into(),
                supplier_id.map(|s| s.to_string()).into(),
            ],
        )
        .await?;
        tx.commit().await
    }

    /// The organisations a user belongs to, with the role in each, by organisation name.
    pub async fn memberships(&self, user_id: Uuid) -> Result<Vec<Membership>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT o.id, o.slug, o.name, o.cbs_code, m.role, m.supplier_id
                 FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                 WHERE m.user_id = $1 ORDER BY o.name",
                &[user_id.into()],
                &[
                    Col::Text,
                    Col::Text,
                    Col::Text,
                    Col::Text,
                    Col::Text,
                    Col::Text,
                ],
            )
            .await?;
        rows.iter()
            .map(|row| {
                let role_code = row.text(4)?;
                Ok(Membership {
                    organisation: organisation_from(row)?,
                    role: Role::parse(&role_code)
                        .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role_code}")))?,
                    supplier_id: row
                        .opt_text(5)?
                        .map(|s| Uuid::parse_str(&s).map_err(|_| StoreError::Corrupt(s)))
                        .transpose()?,
                })
            })
            .collect()
    }

    /// The people of an organisation with their role, by name: (e-mail, name, role).
    pub async fn organisation_members(
        &self,
        organisation_id: Uuid,
    ) -> Result<Vec<(String, String, Role)>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.organisation_id = $1 ORDER BY u.name, u.email",
                &[organisation_id.into()],
                &[Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                let code = row.text(2)?;
                Ok((
                    row.text(0)?,
                    row.text(1)?,
                    Role::parse(&code)
                        .ok_or_else(|| StoreError::Corrupt(format!("unknown role {code}")))?,
                ))
            })
            .collect()
    }

    /// Starts a session; returns the secret for the cookie (only its hash is stored).
    pub async fn create_session(&self, user_id: Uuid) -> Result<String, StoreError> {
        let token = random_secret()?;
        let now = Utc::now();
        self.db
            .execute(
                "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                &[
                    token_hash(&token).into(),
                    user_id.into(),
                    time_text(now).into(),
                    time_text(now + Duration::hours(SESSION_LIFETIME_HOURS)).into(),
                ],
            )
            .await?;
        Ok(token)
    }

    /// The user of a live session.
    pub async fn session_user(&self, token: &str) -> Result<Option<User>, StoreError> {
        self.db
            .fetch_one(
                "SELECT u.id, u.email, u.name FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = $1 AND s.expires_at > $2",
                &[token_hash(token).into(), now_text().into()],
                &[Col::Text, Col::Text, Col::Text],
            )
            .await?
            .map(|row| user_from(&row))
            .transpose()
    }

    pub async fn delete_session(&self, token: &str) -> Result<(), StoreError> {
        self.db
            .execute(
                "DELETE FROM sessions WHERE token_hash = $1 OR expires_at <= $2",
                &[token_hash(token).into(), now_text().into()],
            )
            .await?;
        Ok(())
    }

    /// Creates a personal API token; returns the secret, which is shown once and never stored.
    pub async fn create_api_token(&self, user_id: Uuid, name: &str) -> Result<String, StoreError> {
        let token = format!("rgs_{}", random_secret()?);
        self.db
            .execute(
                "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
                &[Uuid::now_v7().into(), user_id.into(), name.trim().into(), token_hash(&token).into(), now_text().into()],
            )
            .await?;
        Ok(token)
    }

    /// The user an API token belongs to. When the token was last used is recorded at most once
    /// a minute, so that reading through the API does not turn every request into a write.
    pub async fn token_user(&self, token: &str) -> Result<Option<User>, StoreError> {
        let hash = token_hash(token);
        let Some(row) = self
            .db
            .fetch_one(
                "SELECT u.id, u.email, u.name, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1",
                &[(&hash).into()],
                &[Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?
        else {
            return Ok(None);
        };
        let user = user_from(&row)?;
        let now = Utc::now();
        let stale = match row.opt_text(3)? {
            Some(last) => parse_time(&last)? < now - Duration::minutes(1),
            None => true,
        };
        if stale {
            self.db
                .execute(
                    "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2",
                    &[time_text(now).into(), hash.into()],
                )
                .await?;
        }
        Ok(Some(user))
    }

    pub async fn api_tokens(&self, user_id: Uuid) -> Result<Vec<ApiToken>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at",
                &[user_id.into()],
                &[Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(ApiToken {
                    id: row.uuid(0)?,
                    name: row.text(1)?,
                    created_at: parse_time(&row.text(2)?)?,
                    last_used_at: row.opt_text(3)?.map(|t| parse_time(&t)).transpose()?,
                })
            })
            .collect()
    }

    pub async fn record_login_failure(&self, key: &str) -> Result<(), StoreError> {
        self.db
            .execute(
                "INSERT INTO login_failures (key, at) VALUES ($1, $2)",
                &[key.into(), now_text().into()],
            )
            .await?;
        Ok(())
    }

    /// Counts a login attempt under each of `keys` (the account, the client address) before
    /// its password is checked, and answers per key how many attempts since `since` there are,
    /// this one included. Each row is written on its own before anything is counted, so
    /// attempts sent at once see each other: no burst gets more tries than a sequence. A
    /// failed attempt's rows stay as its failure; `take_back_login_attempt` removes them.
    pub async fn begin_login_attempt(
        &self,
        keys: &[&str],
        since: DateTime<Utc>,
    ) -> Result<(Uuid, Vec<i64>), StoreError> {
        let attempt = Uuid::now_v7();
        let now = now_text();
        for key in keys {
            self.db
                .execute(
                    "INSERT INTO login_failures (key, at, attempt) VALUES ($1, $2, $3)",
                    &[(*key).into(), (&now).into(), attempt.to_string().into()],
                )
                .await?;
        }
        let mut counts = Vec::with_capacity(keys.len());
        for key in keys {
            counts.push(self.login_failures_since(key, since).await?);
        }
        Ok((attempt, counts))
    }

    /// Removes the rows of an attempt that did not fail: it succeeded, or it was refused
    /// before its password was checked.
    pub async fn take_back_login_attempt(&self, attempt: Uuid) -> Result<(), StoreError> {
        self.db
            .execute(
                "DELETE FROM login_failures WHERE attempt = $1",
                &[attempt.to_string().into()],
            )
            .await?;
        Ok(())
    }

    /// Failed logins for `key` (an e-mail address or a client address) since `since`.
    pub async fn login_failures_since(
        &self,
        key: &str,
        since: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let row = self
            .db
            .fetch_one(
                "SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at > $2",
                &[key.into(), time_text(since).into()],
                &[Col::Int],
            )
            .await?;
        row.map_or(Ok(0), |r| r.int(0))
    }

    /// Forgets failed logins for `key` and any older than `before`.
    pub async fn clear_login_failures(
        &self,
        key: &str,
        before: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.db
            .execute(
                "DELETE FROM login_failures WHERE key = $1 OR at < $2",
                &[key.into(), time_text(before).into()],
            )
            .await?;
        Ok(())
    }
}
