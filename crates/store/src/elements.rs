//! Register elements of every kind in one table, with an index of the references between them
//! so that "what depends on this" is one lookup. Each change is one transaction with its audit
//! record; an update names the version it read and fails with a conflict when that is stale.

use crate::audit::{AuditAction, write_audit};
use crate::db::bump_revision;
use crate::db::{Col, DbRow, Param, Tx};
use crate::{Actor, Dialect, Store, StoreError, now_text, parse_time};
use chrono::{DateTime, Utc};
use regisseur_domain::landscape::{
    Change, EntityKind, Existing, FieldType, InputMode, Record, relation_allowed, validate,
};
use regisseur_domain::{Lang, Problem, ValidationErrors};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, VecDeque};
use uuid::Uuid;

/// A stored element: its record plus identity, version and times.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub version: i64,
    pub record: Record,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Element {
    pub fn kind(&self) -> EntityKind {
        self.record.kind()
    }
}

/// An element that refers to another, through one of its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependent {
    pub kind: EntityKind,
    pub id: Uuid,
    pub name: Option<String>,
    pub field: String,
    /// Whether the field is required, so that a cascading delete removes the dependent too
    /// (otherwise it only clears the reference).
    pub required: bool,
}

/// One element to create in a batch: its id, kind and fields.
pub type NewElement = (Uuid, EntityKind, Map<String, Value>);

/// What a delete did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeleteOutcome {
    pub deleted: Vec<(EntityKind, Uuid)>,
    pub updated: Vec<(EntityKind, Uuid)>,
}

/// What a list asks for. Filter fields must be filterable fields of the kind (checked here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub search: Option<String>,
    pub filters: Vec<(String, String)>,
    /// A field to sort on and whether descending; by name when `None`.
    pub sort: Option<(String, bool)>,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    /// For a supplier's user: only elements of this supplier.
    pub supplier_scope: Option<Uuid>,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            search: None,
            filters: Vec::new(),
            sort: None,
            page: 1,
            page_size: 50,
            supplier_scope: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
fn like_pattern(term: &str) -> String {
    let mut pattern = String::from("%");
    for ch in term.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

const ELEMENT_COLUMNS: &str = "id, organisation_id, kind, version, created_at, updated_at";
const ELEMENT_COLS: [Col; 7] = [
    Col::Text,
    Col::Text,
    Col::Text,
    Col::Int,
    Col::Text,
    Col::Text,
    Col::Text,
];

fn select_elements(dialect: Dialect) -> String {
    format!(
        "SELECT {ELEMENT_COLUMNS}, {} FROM elements",
        dialect.data_text()
    )
}

/// The name a list sorts on: the lower-cased name, or for a relation its type.
fn sort_name(record: &Record) -> String {
    record
        .name()
        .or_else(|| record.text("soort"))
        .unwrap_or("")
        .to_lowercase()
}

/// List totals by query, each valid for one revision of an organisation's register.
#[derive(Default)]
pub(crate) struct CountCache {
    entries: std::sync::Mutex<HashMap<String, (i64, i64)>>,
}

const COUNT_CACHE_MAX: usize = 10_000;

impl CountCache {
    fn get(&self, key: &str, revision: i64) -> Option<i64> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|(rev, _)| *rev == revision)
            .map(|(_, total)| *total)
    }

    fn put(&self, key: String, revision: i64, total: i64) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= COUNT_CACHE_MAX {
                entries.clear();
            }
            entries.insert(key, (revision, total));
        }
    }
}

impl Store {
    /// The organisation's register revision: it changes with every change to its elements.
    pub async fn revision(&self, organisation_id: Uuid) -> Result<i64, StoreError> {
        self.db
            .fetch_one(
                "SELECT revision FROM organisations WHERE id = $1",
                &[organisation_id.into()],
                &[Col::Int],
            )
            .await?
            .map_or(Ok(0), |r| r.int(0))
    }

    fn element_from(&self, row: &DbRow) -> Result<Element, StoreError> {
        let kind_code = row.text(2)?;
        let kind = EntityKind::from_code(&kind_code)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown kind {kind_code}")))?;
        let data = row.text(6)?;
        let fields: Map<String, Value> = serde_json::from_str(&data)
            .map_err(|e| StoreError::Corrupt(format!("element data is not JSON: {e}")))?;
        let catalog = self.catalog;
        let record = Record::from_stored(kind, fields, &|id| catalog.contains(id))
            .map_err(|e| StoreError::Corrupt(format!("stored {kind_code} is invalid: {e}")))?;
        Ok(Element {
            id: row.uuid(0)?,
            organisation_id: row.uuid(1)?,
            version: row.int(3)?,
            record,
            created_at: parse_time(&row.text(4)?)?,
            updated_at: parse_time(&row.text(5)?)?,
        })
    }

    /// Builds the WHERE clause of a list; returns the clause and its parameters.
    fn list_where(
        &self,
        organisation_id: Uuid,
        kind: EntityKind,
        query: &ListQuery,
    ) -> Result<(String, Vec<Param>), StoreError> {
        let dialect = self.dialect();
        let mut clause = String::from("organisation_id = $1 AND kind = $2");
        let mut params: Vec<Param> = vec![organisation_id.into(), kind.code().into()];
        let mut errors = ValidationErrors::default();
        if let Some(term) = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            match self.dialect() {
                // A plain substring test: both sides are lower-cased already, and instr()
                // is several times cheaper than LIKE '%…%' on every row.
                Dialect::Sqlite => {
                    params.push(term.to_lowercase().into());
                    clause.push_str(&format!(" AND instr(search_text, ${}) > 0", params.len()));
                }
                // LIKE, so that a trigram index can serve it where one is installed.
                Dialect::Postgres => {
                    params.push(like_pattern(term).into());
                    clause.push_str(&format!(
                        " AND search_text LIKE ${} ESCAPE '\\'",
                        params.len()
                    ));
                }
            }
        }
        for (field, value) in &query.filters {
            let Some(spec) = kind.field(field).filter(|f| f.filter) else {
                errors.push(field.clone(), Problem::UnknownField);
                continue;
            };
            let value = match spec.ty {
                FieldType::Bool => match regisseur_domain::values::parse_yes_no(value) {
                    Some(b) => b.to_string(),
                    None => {
                        errors.push(field.clone(), Problem::NotABoolean);
                        continue;
                    }
                },
                FieldType::Country => value.trim().to_uppercase(),
                FieldType::Choice(choices) => choices
                    .iter()
                    .find(|c| c.value.eq_ignore_ascii_case(value.trim()))
                    .map_or_else(|| value.trim().to_lowercase(), |c| c.value.to_string()),
                FieldType::Ref(_) | FieldType::AnyRef => value.trim().to_lowercase(),
                _ => value.trim().to_string(),
            };
            params.push(value.into());
            clause.push_str(&format!(
                " AND {} = ${}",
                dialect.json_text(spec.name),
                params.len()
            ));
        }
        if let Some(supplier) = query.supplier_scope {
            match regisseur_domain::access::supplier_scope_field(kind) {
                Some("id") => {
                    params.push(supplier.into());
                    clause.push_str(&format!(" AND id = ${}", params.len()));
                }
                Some(field) => {
                    params.push(supplier.into());
                    clause.push_str(&format!(
                        " AND {} = ${}",
                        dialect.json_text(field),
                        params.len()
                    ));
                }
                None => clause.push_str(" AND 1 = 0"),
            }
        }
        errors.into_result(()).map_err(StoreError::Invalid)?;
        Ok((clause, params))
    }

    /// The architecture elements that are GEMMA reference components (after importing the
    /// GEMMA model), by reference component id: where the register knows a component's place
    /// in GEMMA.
    pub async fn reference_component_elements(
        &self,
        organisation_id: Uuid,
    ) -> Result<HashMap<String, Uuid>, StoreError> {
        let mut found = HashMap::new();
        let mut page = 1;
        loop {
            let query = ListQuery {
                filters: vec![("archimateType".into(), "ApplicationComponent".into())],
                page,
                page_size: 500,
                ..ListQuery::default()
            };
            let result = self
                .list_elements(organisation_id, EntityKind::ModelElement, &query)
                .await?;
            for element in &result.items {
                if let Some(Value::Array(ids)) = element.record.get("referentiecomponentIds") {
                    for id in ids.iter().filter_map(Value::as_str) {
                        found.entry(id.to_string()).or_insert(element.id);
                    }
                }
            }
            if result.items.len() < 500 {
                return Ok(found);
            }
            page += 1;
        }
    }

    /// One page of elements of a kind, with the total that match.
    pub async fn list_elements(
        &self,
        organisation_id: Uuid,
        kind: EntityKind,
        query: &ListQuery,
    ) -> Result<Page<Element>, StoreError> {
        let (clause, mut params) = self.list_where(organisation_id, kind, query)?;
        let count_params = params.clone();
        // Read before the page, so a change committed meanwhile can only make the cached
        // count newer than its revision, never older.
        let revision = self.revision(organisation_id).await?;
        let order = match &query.sort {
            Some((field, desc)) if field != "naam" => {
                if !kind.sortable(field) {
                    let mut errors = ValidationErrors::default();
                    errors.push("sorteer", Problem::UnknownField);
                    return Err(StoreError::Invalid(errors));
                }
                let expr = self.dialect().json_sort(field);
                let dir = if *desc { "DESC" } else { "ASC" };
                format!("({expr} IS NULL), {expr} {dir}, sort_name, id")
            }
            Some((_, true)) => "sort_name DESC, id DESC".to_string(),
            _ => "sort_name, id".to_string(),
        };
        let page_size = query.page_size.clamp(1, 500);
        let page = query.page.max(1);
        params.push(i64::from(page_size).into());
        params.push((i64::from(page - 1) * i64::from(page_size)).into());
        let sql = format!(
            "{} WHERE {clause} ORDER BY {order} LIMIT ${} OFFSET ${}",
            select_elements(self.dialect()),
            params.len() - 1,
            params.len()
        );
        let rows = self.db.fetch(&sql, &params, &ELEMENT_COLS).await?;
        let items: Vec<Element> = rows
            .iter()
            .map(|r| self.element_from(r))
            .collect::<Result<_, _>>()?;
        // A first page that is not full holds every match: no need to count them. Otherwise
        // the count is cached per revision of the organisation's register.
        let total = if page == 1 && items.len() < page_size as usize {
            items.len() as i64
        } else {
            let cache_key = format!("{clause}\u{1f}{count_params:?}");
            match self.counts.get(&cache_key, revision) {
                Some(total) => total,
                None => {
                    let total = self
                        .db
                        .fetch_one(
                            &format!("SELECT COUNT(*) FROM elements WHERE {clause}"),
                            &count_params,
                            &[Col::Int],
                        )
                        .await?
                        .map_or(Ok(0), |r| r.int(0))?;
                    self.counts.put(cache_key, revision, total);
                    total
                }
            }
        };
        Ok(Page {
            items,
            total,
            page,
            page_size,
        })
    }

    /// One element of the organisation, of the given kind.
    pub async fn get_element(
        &self,
        organisation_id: Uuid,
        kind: EntityKind,
        id: Uuid,
    ) -> Result<Option<Element>, StoreError> {
        let sql = format!(
            "{} WHERE organisation_id = $1 AND kind = $2 AND id = $3",
            select_elements(self.dialect())
        );
        self.db
            .fetch_one(
                &sql,
                &[organisation_id.into(), kind.code().into(), id.into()],
                &ELEMENT_COLS,
            )
            .await?
            .map(|r| self.element_from(&r))
            .transpose()
    }

    /// The kind and display name of each of `ids` that exists in the organisation.
    pub async fn element_names(
        &self,
        organisation_id: Uuid,
        ids: &BTreeSet<Uuid>,
    ) -> Result<HashMap<Uuid, (EntityKind, String)>, StoreError> {
        let mut names = HashMap::new();
        let ids: Vec<Uuid> = ids.iter().copied().collect();
        for chunk in ids.chunks(400) {
            let placeholders: Vec<String> =
                (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "SELECT id, kind, name, sort_name FROM elements WHERE organisation_id = $1 AND id IN ({})",
                placeholders.join(", ")
            );
            let mut params: Vec<Param> = vec![organisation_id.into()];
            params.extend(chunk.iter().map(|id| Param::from(*id)));
            for row in self
                .db
                .fetch(&sql, &params, &[Col::Text, Col::Text, Col::Text, Col::Text])
                .await?
            {
                let kind_code = row.text(1)?;
                let Some(kind) = EntityKind::from_code(&kind_code) else {
                    continue;
                };
                let name = row.opt_text(2)?.unwrap_or(row.text(3)?);
                names.insert(row.uuid(0)?, (kind, name));
            }
        }
        Ok(names)
    }

    /// How many elements of each kind the organisation has.
    pub async fn element_counts(
        &self,
        organisation_id: Uuid,
    ) -> Result<HashMap<EntityKind, i64>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT kind, COUNT(*) FROM elements WHERE organisation_id = $1 GROUP BY kind",
                &[organisation_id.into()],
                &[Col::Text, Col::Int],
            )
            .await?;
        let mut counts = HashMap::new();
        for row in rows {
            if let Some(kind) = EntityKind::from_code(&row.text(0)?) {
                counts.insert(kind, row.int(1)?);
            }
        }
        Ok(counts)
    }

    /// Every element of the organisation that refers to `id`.
    pub async fn dependents(
        &self,
        organisation_id: Uuid,
        id: Uuid,
    ) -> Result<Vec<Dependent>, StoreError> {
        let rows = self
            .db
            .fetch(
                DEPENDENTS_SQL,
                &[organisation_id.into(), id.into()],
                &DEPENDENT_COLS,
            )
            .await?;
        rows.iter().map(dependent_from).collect()
    }

    /// All elements of a kind in the organisation that refer to `id`, as full elements.
    pub async fn referring_elements(
        &self,
        organisation_id: Uuid,
        id: Uuid,
    ) -> Result<Vec<Element>, StoreError> {
        let sql = format!(
            "{} WHERE organisation_id = $1 AND id IN (SELECT from_id FROM element_refs WHERE to_id = $2) ORDER BY kind, sort_name",
            select_elements(self.dialect())
        );
        let rows = self
            .db
            .fetch(&sql, &[organisation_id.into(), id.into()], &ELEMENT_COLS)
            .await?;
        rows.iter().map(|r| self.element_from(r)).collect()
    }

    /// Validates the input and creates the element, with its audit record.
    pub async fn create_element(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        kind: EntityKind,
        input: &Map<String, Value>,
        mode: InputMode,
    ) -> Result<Element, StoreError> {
        let catalog = self.catalog;
        let (record, errors) = validate(kind, input, mode, &|id| catalog.contains(id));
        let mut tx = self.db.begin().await?;
        check_references(&mut tx, organisation_id, &record, errors).await?;
        let element =
            insert_element(&mut tx, actor, organisation_id, Uuid::now_v7(), record).await?;
        bump_revision(&mut tx, organisation_id).await?;
        tx.commit().await?;
        Ok(element)
    }

    /// Creates many elements in one transaction (demo data, imports): all or nothing. Each
    /// input may name its own id, so that later inputs can refer to earlier ones.
    pub async fn create_elements(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        inputs: Vec<NewElement>,
    ) -> Result<usize, StoreError> {
        let catalog = self.catalog;
        let mut tx = self.db.begin().await?;
        let count = inputs.len();
        for (id, kind, input) in inputs {
            let (record, errors) =
                validate(kind, &input, InputMode::Api, &|id| catalog.contains(id));
            check_references(&mut tx, organisation_id, &record, errors)
                .await
                .map_err(|e| match e {
                    StoreError::Invalid(errors) => StoreError::Other(format!(
                        "{} '{}': {errors}",
                        kind.code(),
                        input.get("naam").and_then(Value::as_str).unwrap_or("")
                    )),
                    other => other,
                })?;
            insert_element(&mut tx, actor, organisation_id, id, record).await?;
        }
        bump_revision(&mut tx, organisation_id).await?;
        tx.commit().await?;
        Ok(count)
    }

    /// Makes a planned set of changes in one transaction: all of them, or none when one fails
    /// (an element changed meanwhile, a reference that does not hold, invalid fields).
    pub async fn apply_changes(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        changes: &[Change],
    ) -> Result<(), StoreError> {
        let catalog = self.catalog;
        let mut tx = self.db.begin().await?;
        let mut applying = Applying::start(&mut tx, organisation_id).await?;
        let source = Source::Given(Some(changes));
        applying
            .write(
                &mut tx,
                actor,
                organisation_id,
                &|id| catalog.contains(id),
                source,
            )
            .await?;
        applying.finish(self, tx, actor, organisation_id).await
    }

    /// Like [`Store::apply_changes`], with the changes arriving in parts while the rest is
    /// still being planned, so that writing and planning share the two cores. Everything is
    /// one transaction: it is committed on [`Planned::Finish`] and rolled back on
    /// [`Planned::Abort`] or when the sender goes away. Answers whether it was committed.
    pub async fn apply_planned(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        mut parts: tokio::sync::mpsc::Receiver<Planned>,
    ) -> Result<bool, StoreError> {
        let catalog = self.catalog;
        let mut tx = self.db.begin().await?;
        let mut applying = Applying::start(&mut tx, organisation_id).await?;
        let source = Source::Planned(&mut parts);
        let known = |id: &str| catalog.contains(id);
        match applying
            .write(&mut tx, actor, organisation_id, &known, source)
            .await?
        {
            Ended::Complete => {}
            Ended::Abandoned => return Ok(false),
        }
        applying.finish(self, tx, actor, organisation_id).await?;
        Ok(true)
    }

    /// The whole register of the organisation as imports plan against it and exports write it.
    pub async fn register(&self, organisation_id: Uuid) -> Result<Vec<Existing>, StoreError> {
        Ok(self
            .all_elements(organisation_id)
            .await?
            .into_iter()
            .map(|e| Existing {
                id: e.id,
                version: e.version,
                record: e.record,
            })
            .collect())
    }

    /// Every element of the organisation, of every kind.
    pub async fn all_elements(&self, organisation_id: Uuid) -> Result<Vec<Element>, StoreError> {
        let sql = format!(
            "{} WHERE organisation_id = $1 ORDER BY kind, sort_name, id",
            select_elements(self.dialect())
        );
        let rows = self
            .db
            .fetch(&sql, &[organisation_id.into()], &ELEMENT_COLS)
            .await?;
        rows.iter().map(|r| self.element_from(r)).collect()
    }

    /// Replaces an element's fields. `version` is the version the caller read: when the element
    /// has changed since, nothing is written and the answer is a conflict.
    #[allow(clippy::too_many_arguments)] // who, where, which, which version, what: all distinct
    pub async fn update_element(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        kind: EntityKind,
        id: Uuid,
        version: i64,
        input: &Map<String, Value>,
        mode: InputMode,
    ) -> Result<Element, StoreError> {
        let catalog = self.catalog;
        let (record, errors) = validate(kind, input, mode, &|id| catalog.contains(id));
        let mut tx = self.db.begin().await?;
        let current = load_for_update(self, &mut tx, organisation_id, Some(kind), id).await?;
        if current.version != version {
            return Err(StoreError::Conflict {
                current: current.version,
            });
        }
        check_references(&mut tx, organisation_id, &record, errors).await?;
        if current.record == record {
            return Ok(current);
        }
        let updated = save_update(&mut tx, actor, &current, record).await?;
        bump_revision(&mut tx, organisation_id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Deletes an element. When others refer to it, nothing is deleted unless `cascade`: then
    /// elements that cannot exist without it (a contract without its supplier, a relation
    /// without its end) are deleted too, and optional references to it are cleared. With
    /// `expected`, only while the element is still at that version (`Conflict` otherwise).
    pub async fn delete_element(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        kind: EntityKind,
        id: Uuid,
        cascade: bool,
        expected: Option<i64>,
    ) -> Result<DeleteOutcome, StoreError> {
        let mut tx = self.db.begin().await?;
        let target = load_for_update(self, &mut tx, organisation_id, Some(kind), id).await?;
        if let Some(expected) = expected
            && expected != target.version
        {
            return Err(StoreError::Conflict {
                current: target.version,
            });
        }
        let direct = fetch_dependents(&mut tx, organisation_id, id).await?;
        if !direct.is_empty() && !cascade {
            return Err(StoreError::HasDependents(direct));
        }
        // The set to delete: the target and, transitively, whatever requires something in it.
        let mut to_delete: Vec<Element> = vec![target];
        let mut deleting: BTreeSet<Uuid> = BTreeSet::from([id]);
        let mut i = 0;
        while i < to_delete.len() {
            let current = to_delete[i].id;
            for dep in fetch_dependents(&mut tx, organisation_id, current).await? {
                if dep.required && deleting.insert(dep.id) {
                    to_delete
                        .push(load_for_update(self, &mut tx, organisation_id, None, dep.id).await?);
                }
            }
            i += 1;
        }
        let mut outcome = DeleteOutcome::default();
        // Clear optional references held by elements that stay.
        let mut to_clear: BTreeSet<Uuid> = BTreeSet::new();
        for element in &to_delete {
            for dep in fetch_dependents(&mut tx, organisation_id, element.id).await? {
                if !deleting.contains(&dep.id) {
                    to_clear.insert(dep.id);
                }
            }
        }
        for dep_id in to_clear {
            let dependent = load_for_update(self, &mut tx, organisation_id, None, dep_id).await?;
            let mut record = dependent.record.clone();
            for gone in &deleting {
                record = record.without_reference_to(*gone).map_err(|field| {
                    StoreError::Other(format!(
                        "{} {} requires {field}",
                        dependent.kind().code(),
                        dependent.id
                    ))
                })?;
            }
            save_update(&mut tx, actor, &dependent, record).await?;
            outcome.updated.push((dependent.kind(), dependent.id));
        }
        for element in to_delete.iter().rev() {
            tx.execute(
                "DELETE FROM element_refs WHERE from_id = $1",
                &[element.id.into()],
            )
            .await?;
        }
        for element in to_delete.iter().rev() {
            tx.execute("DELETE FROM elements WHERE id = $1", &[element.id.into()])
                .await?;
            write_audit(
                &mut tx,
                actor,
                organisation_id,
                AuditAction::Deleted,
                element.kind().code(),
                element.id,
                Some(&element_json(element)),
                None,
            )
            .await?;
            outcome.deleted.push((element.kind(), element.id));
        }
        bump_revision(&mut tx, organisation_id).await?;
        tx.commit().await?;
        Ok(outcome)
    }
}

const DEPENDENTS_SQL: &str = "SELECT e.kind, e.id, e.name, r.field FROM element_refs r
     JOIN elements e ON e.id = r.from_id
     WHERE r.organisation_id = $1 AND r.to_id = $2 AND r.from_id <> r.to_id
     ORDER BY e.kind, e.sort_name, r.field";
const DEPENDENT_COLS: [Col; 4] = [Col::Text, Col::Text, Col::Text, Col::Text];

fn dependent_from(row: &DbRow) -> Result<Dependent, StoreError> {
    let kind_code = row.text(0)?;
    let kind = EntityKind::from_code(&kind_code)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown kind {kind_code}")))?;
    let field = row.text(3)?;
    Ok(Dependent {
        kind,
        id: row.uuid(1)?,
        name: row.opt_text(2)?,
        required: kind.field(&field).is_some_and(|f| f.required),
        field,
    })
}

async fn fetch_dependents(
    tx: &mut Tx,
    organisation_id: Uuid,
    id: Uuid,
) -> Result<Vec<Dependent>, StoreError> {
    let rows = tx
        .fetch(
            DEPENDENTS_SQL,
            &[organisation_id.into(), id.into()],
            &DEPENDENT_COLS,
        )
        .await?;
    rows.iter().map(dependent_from).collect()
}

async fn load_for_update(
    store: &Store,
    tx: &mut Tx,
    organisation_id: Uuid,
    kind: Option<EntityKind>,
    id: Uuid,
) -> Result<Element, StoreError> {
    let sql = format!(
        "{} WHERE organisation_id = $1 AND id = $2",
        select_elements(tx.dialect())
    );
    let element = tx
        .fetch_one(&sql, &[organisation_id.into(), id.into()], &ELEMENT_COLS)
        .await?
        .map(|r| store.element_from(&r))
        .transpose()?
        .ok_or(StoreError::NotFound)?;
    match kind {
        Some(kind) if element.kind() != kind => Err(StoreError::NotFound),
        _ => Ok(element),
    }
}

/// Checks that every reference points at an existing element of the right kind in the same
/// organisation, and that a relation's type fits its ends; adds any problem to `errors`.
async fn check_references(
    tx: &mut Tx,
    organisation_id: Uuid,
    record: &Record,
    errors: ValidationErrors,
) -> Result<(), StoreError> {
    let refs = record.references();
    let mut kinds: HashMap<Uuid, EntityKind> = HashMap::new();
    if !refs.is_empty() {
        let targets: BTreeSet<Uuid> = refs.iter().map(|r| r.target).collect();
        let placeholders: Vec<String> = (0..targets.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "SELECT id, kind FROM elements WHERE organisation_id = $1 AND id IN ({})",
            placeholders.join(", ")
        );
        let mut params: Vec<Param> = vec![organisation_id.into()];
        params.extend(targets.iter().map(|id| Param::from(*id)));
        for row in tx.fetch(&sql, &params, &[Col::Text, Col::Text]).await? {
            if let Some(kind) = EntityKind::from_code(&row.text(1)?) {
                kinds.insert(row.uuid(0)?, kind);
            }
        }
    }
    check_references_against(&kinds, record, errors)
}

/// The kind of every element of the organisation, for checking many references at once.
async fn element_kinds(
    tx: &mut Tx,
    organisation_id: Uuid,
) -> Result<HashMap<Uuid, EntityKind>, StoreError> {
    let mut kinds = HashMap::new();
    for row in tx
        .fetch(
            "SELECT id, kind FROM elements WHERE organisation_id = $1",
            &[organisation_id.into()],
            &[Col::Text, Col::Text],
        )
        .await?
    {
        if let Some(kind) = EntityKind::from_code(&row.text(1)?) {
            kinds.insert(row.uuid(0)?, kind);
        }
    }
    Ok(kinds)
}

/// Checks a record's references against the kinds of the elements that exist: each must exist
/// (in this organisation), have the right kind, and a relation's type must fit its ends.
fn check_references_against(
    kinds: &HashMap<Uuid, EntityKind>,
    record: &Record,
    mut errors: ValidationErrors,
) -> Result<(), StoreError> {
    for reference in &record.references() {
        if errors.has(reference.field) {
            continue;
        }
        match (kinds.get(&reference.target), reference.expected) {
            (None, _) => errors.push(reference.field, Problem::UnknownReference),
            (Some(found), Some(expected)) if *found != expected => errors.push(
                reference.field,
                Problem::WrongKind {
                    expected: expected.singular(Lang::Nl),
                },
            ),
            _ => {}
        }
    }
    if record.kind() == EntityKind::Relation
        && let (Some(soort), Some(from), Some(to)) = (
            record.text("soort"),
            id_of(record, "bronId").and_then(|id| kinds.get(&id)),
            id_of(record, "doelId").and_then(|id| kinds.get(&id)),
        )
        && !errors.has("bronId")
        && !errors.has("doelId")
        && !relation_allowed(soort, *from, *to)
    {
        errors.push(
            "soort",
            Problem::RelationNotAllowed {
                kind: soort.to_string(),
                from: from.singular(Lang::Nl),
                to: to.singular(Lang::Nl),
            },
        );
    }
    errors.into_result(()).map_err(StoreError::Invalid)
}

/// Rows per multi-row INSERT: well below the parameter limits of both backends.
const BULK_ROWS: usize = 200;

/// Planned changes as they arrive at [`Store::apply_planned`].
#[derive(Debug)]
pub enum Planned {
    Changes(Vec<Change>),
    /// Everything is planned without a problem: commit.
    Finish,
    /// Planning found a problem: write nothing.
    Abort,
}

/// A set of planned changes being made in one transaction.
struct Applying {
    /// The kind of every element in the register and the changes so far: every reference is
    /// checked against the elements as they will be after the changes before it, so new
    /// elements can refer to each other.
    kinds: HashMap<Uuid, EntityKind>,
    /// Changes to existing elements, checked, made after the new elements.
    updates: Vec<(Uuid, EntityKind, i64, Record)>,
    /// Whether anything was written (only then does the register's revision change).
    written: bool,
}

impl Applying {
    async fn start(tx: &mut Tx, organisation_id: Uuid) -> Result<Applying, StoreError> {
        Ok(Applying {
            kinds: element_kinds(tx, organisation_id).await?,
            updates: Vec::new(),
            written: false,
        })
    }

    /// Writes the new elements of every part of the changes as they come, many rows per
    /// statement: each statement is built (see [`Statements`]) while the previous one runs in
    /// the database — SQLite works on a thread of its own, PostgreSQL in its own process — so
    /// that the two cores share the work, also from one part to the next. Changes to existing
    /// elements are checked here and made in [`Applying::finish`]. A problem ends it with an
    /// error; the caller's transaction then writes nothing.
    async fn write(
        &mut self,
        tx: &mut Tx,
        actor: &Actor,
        organisation_id: Uuid,
        known: &(dyn Fn(&str) -> bool + Sync),
        source: Source<'_>,
    ) -> Result<Ended, StoreError> {
        let dialect = tx.dialect();
        let mut statements = Statements {
            source,
            batch: Batch::default(),
            applying: self,
            known,
            actor,
            organisation_id,
            now: now_text(),
            dialect,
        };
        let mut next = statements.next().await?;
        loop {
            let current = match next {
                Step::Write(statement) => statement,
                Step::End(ended) => return Ok(ended),
            };
            let (done, built) = tokio::join!(
                tx.execute_owned(&current.sql, current.params),
                statements.next()
            );
            done?;
            next = built?;
        }
    }

    async fn finish(
        mut self,
        store: &Store,
        mut tx: Tx,
        actor: &Actor,
        organisation_id: Uuid,
    ) -> Result<(), StoreError> {
        for (id, kind, version, record) in self.updates {
            let current = load_for_update(store, &mut tx, organisation_id, Some(kind), id).await?;
            if current.version != version {
                return Err(StoreError::Conflict {
                    current: current.version,
                });
            }
            if current.record != record {
                save_update(&mut tx, actor, &current, record).await?;
                self.written = true;
            }
        }
        if self.written {
            bump_revision(&mut tx, organisation_id).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Where the changes of one transaction come from.
enum Source<'c> {
    /// All at once, from the caller (taken once).
    Given(Option<&'c [Change]>),
    /// In parts, as they are planned.
    Planned(&'c mut tokio::sync::mpsc::Receiver<Planned>),
}

/// How the changes ended: all there (to be committed), or abandoned by the planner.
enum Ended {
    Complete,
    Abandoned,
}

/// What comes next when writing: a statement, or the end of the changes.
enum Step {
    Write(Statement),
    End(Ended),
}

/// A new element as a planned change gives it: id, kind and fields still to check.
type NewInput<'c> = (Uuid, EntityKind, Cow<'c, Map<String, Value>>);

/// A change to an existing element as planned: id, kind, the version it read, fields to check.
type UpdateInput<'c> = (Uuid, EntityKind, i64, Cow<'c, Map<String, Value>>);

/// One multi-row statement of a bulk insert.
struct Statement {
    sql: String,
    params: Vec<Param>,
}

/// What one statement of a bulk insert writes: a chunk of new elements, their references, or
/// their audit records.
#[derive(Clone, Copy)]
enum Part {
    Elements(usize),
    References(usize),
    Audit(usize),
}

/// One part of the changes on its way into statements: its new elements in chunks of
/// [`BULK_ROWS`], each chunk written as elements, then their references, then their audit
/// records; its changes to existing elements checked once all its new elements are known.
#[derive(Default)]
struct Batch<'c> {
    inputs: Vec<Vec<NewInput<'c>>>,
    /// Per chunk, the checked records (kept until the audit rows are built).
    records: Vec<Vec<(Uuid, Record)>>,
    /// Per chunk, each new element's audit text, made with its data (see [`audit_json`]).
    audits: Vec<Vec<String>>,
    parts: VecDeque<Part>,
    updates: Vec<UpdateInput<'c>>,
}

impl<'c> Batch<'c> {
    fn new(changes: impl Iterator<Item = Either<NewInput<'c>, UpdateInput<'c>>>) -> Self {
        let mut batch = Batch::default();
        for change in changes {
            match change {
                Either::New(input) => match batch.inputs.last_mut() {
                    Some(chunk) if chunk.len() < BULK_ROWS => chunk.push(input),
                    _ => batch.inputs.push(vec![input]),
                },
                Either::Update(update) => batch.updates.push(update),
            }
        }
        let chunks = batch.inputs.len();
        batch.records = (0..chunks).map(|_| Vec::new()).collect();
        batch.audits = (0..chunks).map(|_| Vec::new()).collect();
        batch.parts = (0..chunks)
            .map(Part::Elements)
            .chain((0..chunks).map(Part::References))
            .chain((0..chunks).map(Part::Audit))
            .collect();
        batch
    }

    fn owned(changes: Vec<Change>) -> Self {
        Batch::new(changes.into_iter().map(|change| match change {
            Change::Create { id, kind, fields } => Either::New((id, kind, Cow::Owned(fields))),
            Change::Update {
                id,
                kind,
                version,
                fields,
            } => Either::Update((id, kind, version, Cow::Owned(fields))),
        }))
    }

    fn borrowed(changes: &'c [Change]) -> Self {
        Batch::new(changes.iter().map(|change| match change {
            Change::Create { id, kind, fields } => Either::New((*id, *kind, Cow::Borrowed(fields))),
            Change::Update {
                id,
                kind,
                version,
                fields,
            } => Either::Update((*id, *kind, *version, Cow::Borrowed(fields))),
        }))
    }
}

/// A planned change sorted: a new element, or a change to an existing one.
enum Either<N, U> {
    New(N),
    Update(U),
}

/// Turns the changes of one transaction into multi-row statements, one at a time: elements
/// validated, their references checked against the register plus the new elements before
/// them. What the statements no longer need (the fields as planned, the checked records) is
/// let go while building a later statement, so that it too happens while the database works.
struct Statements<'c, 'w> {
    source: Source<'c>,
    batch: Batch<'c>,
    applying: &'w mut Applying,
    known: &'w (dyn Fn(&str) -> bool + Sync),
    actor: &'w Actor,
    organisation_id: Uuid,
    now: String,
    dialect: Dialect,
}

impl Statements<'_, '_> {
    /// The next statement, taking the next part of the changes when this one is written.
    async fn next(&mut self) -> Result<Step, StoreError> {
        loop {
            while let Some(part) = self.batch.parts.pop_front() {
                let statement = self.build(part)?;
                if !statement.params.is_empty() {
                    return Ok(Step::Write(statement)); // not a chunk that refers to nothing
                }
            }
            self.check_updates()?;
            let batch = match &mut self.source {
                Source::Given(changes) => match changes.take() {
                    Some(changes) => Batch::borrowed(changes),
                    None => return Ok(Step::End(Ended::Complete)),
                },
                Source::Planned(parts) => match parts.recv().await {
                    Some(Planned::Changes(changes)) => Batch::owned(changes),
                    Some(Planned::Finish) => return Ok(Step::End(Ended::Complete)),
                    Some(Planned::Abort) | None => return Ok(Step::End(Ended::Abandoned)),
                },
            };
            self.applying.written |= !batch.inputs.is_empty();
            self.batch = batch;
        }
    }

    /// The changes to existing elements of the part just written, checked against every
    /// element there will be.
    fn check_updates(&mut self) -> Result<(), StoreError> {
        for (id, kind, version, fields) in std::mem::take(&mut self.batch.updates) {
            let (record, errors) = validate(kind, &fields, InputMode::Api, self.known);
            check_references_against(&self.applying.kinds, &record, errors)?;
            self.applying.updates.push((id, kind, version, record));
        }
        Ok(())
    }

    fn build(&mut self, part: Part) -> Result<Statement, StoreError> {
        let organisation_id = self.organisation_id;
        let batch = &mut self.batch;
        Ok(match part {
            Part::Elements(i) => {
                let records = &mut batch.records[i];
                for (id, kind, fields) in &batch.inputs[i] {
                    let (record, errors) = validate(*kind, fields, InputMode::Api, self.known);
                    self.applying.kinds.insert(*id, *kind);
                    check_references_against(&self.applying.kinds, &record, errors)?;
                    records.push((*id, record));
                }
                // Each record's JSON is made once, and handed to the database without a copy:
                // the element's data, and from it the audit record's.
                let mut params: Vec<Param> = Vec::with_capacity(records.len() * 9);
                for (id, record) in records.iter() {
                    let data = fields_json(record);
                    batch.audits[i].push(audit_json(*id, 1, &data));
                    params.extend([
                        Param::from(*id),
                        organisation_id.into(),
                        record.kind().code().into(),
                        record.name().into(),
                        sort_name(record).into(),
                        record.search_text().into(),
                        data.into(),
                        (&self.now).into(),
                        (&self.now).into(),
                    ]);
                }
                Statement {
                    sql: format!(
                        "INSERT INTO elements (id, organisation_id, kind, name, sort_name, search_text, version, data, created_at, updated_at) VALUES {}",
                        self.dialect
                            .values_rows(records.len(), "(?, ?, ?, ?, ?, ?, 1, ?::jsonb, ?, ?)")
                    ),
                    params,
                }
            }
            Part::References(i) => {
                let mut params: Vec<Param> = Vec::new();
                for (id, record) in &batch.records[i] {
                    let mut seen = BTreeSet::new();
                    for reference in record.references() {
                        if seen.insert((reference.field, reference.target)) {
                            params.extend([
                                organisation_id.into(),
                                Param::from(*id),
                                reference.field.into(),
                                Param::from(reference.target),
                            ]);
                        }
                    }
                }
                batch.inputs[i] = Vec::new(); // the fields as planned: checked and written
                Statement {
                    sql: format!(
                        "INSERT INTO element_refs (organisation_id, from_id, field, to_id) VALUES {}",
                        self.dialect.values_rows(params.len() / 4, "(?, ?, ?, ?)")
                    ),
                    params,
                }
            }
            Part::Audit(i) => {
                let records = std::mem::take(&mut batch.records[i]);
                let audits = std::mem::take(&mut batch.audits[i]);
                let mut params: Vec<Param> = Vec::with_capacity(records.len() * 9);
                for ((id, record), audit) in records.iter().zip(audits) {
                    params.extend([
                        Param::from(Uuid::now_v7()),
                        organisation_id.into(),
                        (&self.now).into(),
                        self.actor.user_id.map(|u| u.to_string()).into(),
                        (&self.actor.email).into(),
                        crate::audit::AuditAction::Created.code().into(),
                        record.kind().code().into(),
                        Param::from(*id),
                        audit.into(),
                    ]);
                }
                Statement {
                    sql: format!(
                        "INSERT INTO audit_log (id, organisation_id, at, user_id, user_email, action, entity, entity_id, old_value, new_value) VALUES {}",
                        self.dialect
                            .values_rows(records.len(), "(?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")
                    ),
                    params,
                }
            }
        })
    }
}

fn id_of(record: &Record, field: &str) -> Option<Uuid> {
    record.text(field).and_then(|s| Uuid::parse_str(s).ok())
}

/// The fields of a record as stored JSON text.
fn fields_json(record: &Record) -> String {
    serde_json::to_string(record.fields()).unwrap_or_else(|_| "{}".into())
}

/// What [`element_json`] gives, as text, from the element's data text (as [`fields_json`]
/// writes it): the audit record of a new element written in bulk.
fn audit_json(id: Uuid, version: i64, data: &str) -> String {
    let rest = data.strip_prefix('{').unwrap_or("}"); // after the opening brace
    let separator = if rest == "}" { "" } else { "," };
    format!("{{\"id\":\"{id}\",\"versie\":{version}{separator}{rest}")
}

/// The element as the audit trail records it: its fields plus id and version.
fn element_json(element: &Element) -> Value {
    let mut fields = element.record.fields().clone();
    fields.insert("id".into(), Value::String(element.id.to_string()));
    fields.insert("versie".into(), Value::from(element.version));
    Value::Object(fields)
}

async fn write_refs(
    tx: &mut Tx,
    organisation_id: Uuid,
    id: Uuid,
    record: &Record,
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM element_refs WHERE from_id = $1", &[id.into()])
        .await?;
    let mut seen = BTreeSet::new();
    for reference in record.references() {
        if seen.insert((reference.field, reference.target)) {
            tx.execute(
                "INSERT INTO element_refs (organisation_id, from_id, field, to_id) VALUES ($1, $2, $3, $4)",
                &[organisation_id.into(), id.into(), reference.field.into(), reference.target.into()],
            )
            .await?;
        }
    }
    Ok(())
}

async fn insert_element(
    tx: &mut Tx,
    actor: &Actor,
    organisation_id: Uuid,
    id: Uuid,
    record: Record,
) -> Result<Element, StoreError> {
    let now = now_text();
    let data = fields_json(&record);
    let sql = format!(
        "INSERT INTO elements (id, organisation_id, kind, name, sort_name, search_text, version, data, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1, {}, $8, $8)",
        tx.dialect().data_param(7)
    );
    tx.execute(
        &sql,
        &[
            id.into(),
            organisation_id.into(),
            record.kind().code().into(),
            record.name().into(),
            sort_name(&record).into(),
            record.search_text().into(),
            data.into(),
            (&now).into(),
        ],
    )
    .await?;
    write_refs(tx, organisation_id, id, &record).await?;
    let time = parse_time(&now)?;
    let element = Element {
        id,
        organisation_id,
        version: 1,
        record,
        created_at: time,
        updated_at: time,
    };
    write_audit(
        tx,
        actor,
        organisation_id,
        AuditAction::Created,
        element.kind().code(),
        id,
        None,
        Some(&element_json(&element)),
    )
    .await?;
    Ok(element)
}

async fn save_update(
    tx: &mut Tx,
    actor: &Actor,
    current: &Element,
    record: Record,
) -> Result<Element, StoreError> {
    let now = now_text();
    let data = fields_json(&record);
    let sql = format!(
        "UPDATE elements SET name = $1, sort_name = $2, search_text = $3, data = {}, version = version + 1, updated_at = $5
         WHERE id = $6 AND version = $7",
        tx.dialect().data_param(4)
    );
    let changed = tx
        .execute(
            &sql,
            &[
                record.name().into(),
                sort_name(&record).into(),
                record.search_text().into(),
                data.into(),
                (&now).into(),
                current.id.into(),
                current.version.into(),
            ],
        )
        .await?;
    if changed != 1 {
        return Err(StoreError::Conflict {
            current: current.version + 1,
        });
    }
    write_refs(tx, current.organisation_id, current.id, &record).await?;
    crate::quality::withdraw_confirmation(tx, actor, current.id).await?;
    let updated = Element {
        version: current.version + 1,
        record,
        updated_at: parse_time(&now)?,
        ..current.clone()
    };
    write_audit(
        tx,
        actor,
        current.organisation_id,
        AuditAction::Updated,
        updated.kind().code(),
        updated.id,
        Some(&element_json(current)),
        Some(&element_json(&updated)),
    )
    .await?;
    Ok(updated)
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn audit_text_of_a_new_element_is_its_audit_record() {
        use super::{Element, Record, audit_json, element_json};
        use regisseur_domain::landscape::{EntityKind, InputMode, validate};
        for input in [
            serde_json::json!({"naam": "Jan"}),
            serde_json::json!({"naam": "Zaak \"kern\"", "email": "jan@voorbeeld.nl", "afdeling": "ICT"}),
        ] {
            let (record, errors): (Record, _) = validate(
                EntityKind::Person,
                input.as_object().expect("object"),
                InputMode::Api,
                &|_| true,
            );
            assert!(errors.is_empty());
            let id = uuid::Uuid::now_v7();
            let time = chrono::Utc::now();
            let element = Element {
                id,
                organisation_id: id,
                version: 1,
                record: record.clone(),
                created_at: time,
                updated_at: time,
            };
            let text: serde_json::Value =
                serde_json::from_str(&audit_json(id, 1, &super::fields_json(&record)))
                    .expect("JSON");
            assert_eq!(text, element_json(&element));
        }
    }

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_pattern("Zaak"), "%zaak%");
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
