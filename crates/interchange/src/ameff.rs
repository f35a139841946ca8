//! Reading the ArchiMate Model Exchange File Format (AMEFF), versions 3.x and 2.1, with a
//! streaming parser: elements, relationships (also between relationships), property
//! definitions and values. Folders (organizations) and views are tolerated and skipped.
//! External entities are never resolved: only the five predefined entities and character
//! references are.
//!
//! This is the reading half; mapping a model into the register builds on it.

use crate::{FileError, Issue};
use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use std::collections::{HashMap, HashSet};

pub const NAMESPACE_3: &str = "http://www.opengroup.org/xsd/archimate/3.0/";
pub const NAMESPACE_2_1: &str = "http://www.opengroup.org/xsd/archimate";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmeffVersion {
    V3,
    V2_1,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyDefinition {
    pub identifier: String,
    pub name: String,
    pub value_type: String,
}

/// An element or a relationship: what both carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Concept {
    pub identifier: String,
    /// The ArchiMate type (`ApplicationComponent`, `Serving`, …); 2.1 names are translated.
    pub archimate_type: String,
    pub name: Option<String>,
    pub documentation: Option<String>,
    /// Property definition id and value.
    pub properties: Vec<(String, String)>,
    /// Line in the file where it starts.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Relationship {
    pub concept: Concept,
    pub source: String,
    pub target: String,
    pub access_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    pub version: Option<AmeffVersion>,
    pub name: Option<String>,
    pub elements: Vec<Concept>,
    pub relationships: Vec<Relationship>,
    pub property_definitions: Vec<PropertyDefinition>,
    pub warnings: Vec<Issue>,
}

/// Type names of version 2.1 that changed in 3.x.
fn type_3x(name: &str) -> &str {
    match name {
        "UsedBy" => "Serving",
        "UsedByRelationship" => "Serving",
        "AccessRelationship" => "Access",
        "CompositionRelationship" => "Composition",
        "AggregationRelationship" => "Aggregation",
        "AssignmentRelationship" => "Assignment",
        "RealisationRelationship" | "Realisation" => "Realization",
        "TriggeringRelationship" => "Triggering",
        "FlowRelationship" => "Flow",
        "SpecialisationRelationship" | "Specialisation" => "Specialization",
        "InfluenceRelationship" => "Influence",
        "AssociationRelationship" => "Association",
        "InfrastructureService" => "TechnologyService",
        "InfrastructureInterface" => "TechnologyInterface",
        "InfrastructureFunction" => "TechnologyFunction",
        other => other,
    }
}

/// Where the parser is, as a path of the enclosing element names that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    None,
    Elements,
    Relationships,
    PropertyDefinitions,
    Skipped,
}

/// What a text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    ModelName,
    ConceptName,
    ConceptDocumentation,
    PropertyValue,
    DefinitionName,
    Other,
}

struct Lines<'a> {
    bytes: &'a [u8],
    position: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line of a byte offset; offsets must not decrease.
    fn at(&mut self, offset: u64) -> usize {
        let offset = (offset as usize).min(self.bytes.len());
        if offset > self.position {
            self.line += self.bytes[self.position..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.position = offset;
        }
        self.line
    }
}

fn attribute(e: &BytesStart<'_>, wanted: &str) -> Result<Option<String>, FileError> {
    for attr in e.attributes().with_checks(false) {
        let attr =
            attr.map_err(|err| FileError::Unreadable(format!("ongeldig attribuut: {err}")))?;
        let key = attr.key;
        let local = key.local_name();
        let name: &str = key.as_ref();
        let local: &str = local.as_ref();
        if name == wanted
            || (local == wanted && !wanted.contains(':') && !name.contains(':'))
            || (wanted == "xsi:type" && local == "type" && name.ends_with(":type"))
        {
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| {
                    FileError::Unreadable(format!("ongeldige waarde van {wanted}: {err}"))
                })?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// Reads a model. A file that is not well-formed XML, not an ArchiMate exchange file, or that
/// refers to something it does not contain is refused with the line where that happens.
pub fn read_model(bytes: &[u8]) -> Result<Model, FileError> {
    read_model_split_from(bytes, PARALLEL_FROM)
}

/// From this size on a model is read on two threads: the elements on one, the relationships
/// and property definitions on the other (the two cores are otherwise idle while the import
/// waits for the whole model).
const PARALLEL_FROM: usize = 512 * 1024;

fn read_model_split_from(bytes: &[u8], parallel_from: usize) -> Result<Model, FileError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    let split = (bytes.len() >= parallel_from).then(|| split_point(bytes));
    let mut model = match split.flatten() {
        Some(split) => match read_in_two(bytes, split) {
            Some(model) => model,
            None => read_range(bytes, 0..bytes.len(), false, 0)?,
        },
        None => read_range(bytes, 0..bytes.len(), false, 0)?,
    };
    check(&mut model)?;
    Ok(model)
}

/// Where the relationships start, if the file has them after its elements.
fn split_point(bytes: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes, b"<relationships>").filter(|&at| at > b"<model>".len())
}

/// The model read in two parts at once, split where the relationships begin. `None` when the
/// split is not where the model's own `<relationships>` starts (say, that text inside a comment)
/// or when either part has a problem: then the whole file is read in one go, which also names
/// any problem exactly as it always does.
fn read_in_two(bytes: &[u8], split: usize) -> Option<Model> {
    let (head, tail) = std::thread::scope(|scope| {
        // The head must end directly inside <model>, with nothing else open.
        let head = scope.spawn(|| read_range(bytes, 0..split, false, 1));
        let tail = read_range(bytes, split..bytes.len(), true, 0);
        (head.join(), tail)
    });
    let (mut model, tail) = (head.ok()?.ok()?, tail.ok()?);
    model.name = model.name.or(tail.name);
    model.elements.extend(tail.elements);
    model.relationships.extend(tail.relationships);
    model.property_definitions.extend(tail.property_definitions);
    Some(model)
}

/// Reads `range` of the file: from its start (`inside_root` false) or from a point directly
/// inside `<model>` (`inside_root` true), ending with `open_at_end` elements still open (0 for
/// the whole file and for a part read to its end). Line numbers count from the start of the
/// file. The model is not checked.
fn read_range(
    bytes: &[u8],
    range: std::ops::Range<usize>,
    inside_root: bool,
    open_at_end: usize,
) -> Result<Model, FileError> {
    // A part that starts inside <model> is read after a <model> of its own, so that the
    // reader matches its closing tag (and every other end tag) as it would in the whole file.
    let prefix: &[u8] = if inside_root { b"<model>" } else { b"" };
    let start = range.start as u64;
    let at = |position: u64| (start + position).saturating_sub(prefix.len() as u64);
    let mut reader = Reader::from_reader(std::io::Read::chain(prefix, &bytes[range]));
    reader.config_mut().trim_text(false);
    let mut lines = Lines {
        bytes,
        position: 0,
        line: 1,
    };
    let mut model = Model::default();
    let mut buf = Vec::new();
    let mut section = Section::None;
    let mut depth_in_skipped = 0usize;
    let mut current: Option<Concept> = None;
    let mut current_relationship: Option<Relationship> = None;
    let mut current_definition: Option<PropertyDefinition> = None;
    let mut current_property: Option<(String, String)> = None;
    let mut target = Target::Other;
    let mut text = String::new();
    let mut seen_root = inside_root;
    let mut depth = 0usize;
    let unreadable =
        |line: usize, message: String| FileError::Unreadable(format!("regel {line}: {message}"));
    loop {
        let offset = at(reader.buffer_position());
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            unreadable(
                lines.at(at(reader.error_position())),
                format!("geen geldige XML: {e}"),
            )
        })?;
        let line = lines.at(offset);
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Eof => {
                if depth != open_at_end {
                    return Err(unreadable(line, "het bestand houdt halverwege op".into()));
                }
                break;
            }
            Event::DocType(_) => {}
            Event::Start(e) | Event::Empty(e) if !seen_root => {
                if e.local_name().as_ref() != "model" {
                    return Err(FileError::WrongFormat(
                        "geen ArchiMate-uitwisselingsbestand: het hoofdelement is geen <model>"
                            .into(),
                    ));
                }
                let namespace = attribute(&e, "xmlns")?.unwrap_or_default();
                model.version = match namespace.trim_end_matches('/') {
                    n if n == NAMESPACE_3.trim_end_matches('/') => Some(AmeffVersion::V3),
                    n if n == NAMESPACE_2_1 => Some(AmeffVersion::V2_1),
                    _ => {
                        return Err(FileError::WrongFormat(format!(
                            "geen ArchiMate-uitwisselingsbestand: onbekende namespace '{namespace}'"
                        )));
                    }
                };
                seen_root = true;
                if is_start {
                    depth += 1;
                }
            }
            Event::Start(e) => {
                depth += 1;
                let name = e.local_name().as_ref().to_string();
                text.clear();
                if section == Section::Skipped {
                    depth_in_skipped += 1;
                    continue;
                }
                match (section, name.as_str()) {
                    (Section::None, "elements") => section = Section::Elements,
                    (Section::None, "relationships") => section = Section::Relationships,
                    (Section::None, "propertyDefinitions" | "propertydefs") => {
                        section = Section::PropertyDefinitions
                    }
                    (Section::None, "organizations" | "organization" | "views" | "metadata") => {
                        section = Section::Skipped;
                        depth_in_skipped = 1;
                    }
                    (Section::None, "name" | "label") if current.is_none() => {
                        target = Target::ModelName
                    }
                    (Section::Elements, "element") => current = Some(concept(&e, line)?),
                    (Section::Relationships, "relationship") => {
                        current_relationship = Some(Relationship {
                            concept: concept(&e, line)?,
                            source: attribute(&e, "source")?.unwrap_or_default(),
                            target: attribute(&e, "target")?.unwrap_or_default(),
                            access_type: attribute(&e, "accessType")?,
                        })
                    }
                    (Section::PropertyDefinitions, "propertyDefinition" | "propertydef") => {
                        current_definition = Some(definition(&e)?);
                    }
                    (Section::PropertyDefinitions, "name" | "label") => {
                        target = Target::DefinitionName
                    }
                    (_, "name" | "label") => target = Target::ConceptName,
                    (_, "documentation") => target = Target::ConceptDocumentation,
                    (_, "property") => {
                        let reference = attribute(&e, "propertyDefinitionRef")?
                            .or(attribute(&e, "identifierref")?)
                            .unwrap_or_default();
                        current_property = Some((reference, String::new()));
                    }
                    (_, "value") if current_property.is_some() => target = Target::PropertyValue,
                    _ => target = Target::Other,
                }
            }
            Event::Empty(e) => {
                if section == Section::Skipped {
                    continue;
                }
                match (section, e.local_name().as_ref()) {
                    (Section::Elements, "element") => model.elements.push(concept(&e, line)?),
                    (Section::Relationships, "relationship") => {
                        model.relationships.push(Relationship {
                            concept: concept(&e, line)?,
                            source: attribute(&e, "source")?.unwrap_or_default(),
                            target: attribute(&e, "target")?.unwrap_or_default(),
                            access_type: attribute(&e, "accessType")?,
                        })
                    }
                    (Section::PropertyDefinitions, "propertyDefinition" | "propertydef") => {
                        model.property_definitions.push(definition(&e)?)
                    }
                    _ => {}
                }
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else if let Some(resolved) = resolve_predefined_entity(&name) {
                    text.push_str(resolved);
                } else {
                    return Err(unreadable(
                        line,
                        format!(
                            "onbekende entiteit &{name}; (externe entiteiten worden nooit gelezen)"
                        ),
                    ));
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if section == Section::Skipped {
                    depth_in_skipped -= 1;
                    if depth_in_skipped == 0 {
                        section = Section::None;
                    }
                    continue;
                }
                let value = text.trim().to_string();
                match (target, e.local_name().as_ref()) {
                    (Target::ModelName, "name" | "label") if model.name.is_none() => {
                        model.name = Some(value.clone())
                    }
                    (Target::ConceptName, "name" | "label") => {
                        if let Some(c) = current
                            .as_mut()
                            .or(current_relationship.as_mut().map(|r| &mut r.concept))
                        {
                            c.name.get_or_insert(value.clone());
                        }
                    }
                    (Target::ConceptDocumentation, "documentation") => {
                        if let Some(c) = current
                            .as_mut()
                            .or(current_relationship.as_mut().map(|r| &mut r.concept))
                        {
                            c.documentation.get_or_insert(value.clone());
                        }
                    }
                    (Target::PropertyValue, "value") => {
                        if let Some(p) = current_property.as_mut() {
                            p.1 = value.clone();
                        }
                    }
                    (Target::DefinitionName, "name" | "label") => {
                        if let Some(d) = current_definition.as_mut() {
                            d.name = value.clone();
                        }
                    }
                    _ => {}
                }
                target = Target::Other;
                text.clear();
                match e.local_name().as_ref() {
                    "property" => {
                        if let (Some(property), Some(c)) = (
                            current_property.take(),
                            current
                                .as_mut()
                                .or(current_relationship.as_mut().map(|r| &mut r.concept)),
                        ) {
                            c.properties.push(property);
                        }
                    }
                    "element" => model.elements.extend(current.take()),
                    "relationship" => model.relationships.extend(current_relationship.take()),
                    "propertyDefinition" | "propertydef" => {
                        model.property_definitions.extend(current_definition.take())
                    }
                    "elements" | "relationships" | "propertyDefinitions" | "propertydefs" => {
                        section = Section::None
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        buf.clear();
    }
    if !seen_root {
        return Err(FileError::WrongFormat(
            "geen ArchiMate-uitwisselingsbestand: geen <model>".into(),
        ));
    }
    Ok(model)
}

fn concept(e: &BytesStart<'_>, line: usize) -> Result<Concept, FileError> {
    Ok(Concept {
        identifier: attribute(e, "identifier")?.unwrap_or_default(),
        archimate_type: type_3x(&attribute(e, "xsi:type")?.unwrap_or_default()).to_string(),
        line,
        ..Concept::default()
    })
}

fn definition(e: &BytesStart<'_>) -> Result<PropertyDefinition, FileError> {
    Ok(PropertyDefinition {
        identifier: attribute(e, "identifier")?.unwrap_or_default(),
        name: attribute(e, "name")?.unwrap_or_default(),
        value_type: attribute(e, "type")?.unwrap_or_else(|| "string".into()),
    })
}

/// Identifiers present and unique, relationship ends known; a dangling property reference is a
/// warning.
fn check(model: &mut Model) -> Result<(), FileError> {
    let mut ids: HashSet<&str> = HashSet::new();
    let concepts = model
        .elements
        .iter()
        .chain(model.relationships.iter().map(|r| &r.concept));
    for c in concepts {
        if c.identifier.is_empty() {
            return Err(FileError::Unreadable(format!(
                "regel {}: een element of relatie zonder identifier",
                c.line
            )));
        }
        if c.archimate_type.is_empty() {
            return Err(FileError::Unreadable(format!(
                "regel {}: '{}' heeft geen xsi:type",
                c.line, c.identifier
            )));
        }
        if !ids.insert(c.identifier.as_str()) {
            return Err(FileError::Unreadable(format!(
                "regel {}: identifier '{}' komt twee keer voor",
                c.line, c.identifier
            )));
        }
    }
    for r in &model.relationships {
        for (end, id) in [("source", &r.source), ("target", &r.target)] {
            if !ids.contains(id.as_str()) {
                return Err(FileError::Unreadable(format!(
                    "regel {}: relatie '{}' verwijst met {end} naar '{id}', dat niet in het bestand staat",
                    r.concept.line, r.concept.identifier
                )));
            }
        }
    }
    let definitions: HashMap<&str, &str> = model
        .property_definitions
        .iter()
        .map(|d| (d.identifier.as_str(), d.name.as_str()))
        .collect();
    let mut warnings = Vec::new();
    for c in model
        .elements
        .iter()
        .chain(model.relationships.iter().map(|r| &r.concept))
    {
        for (reference, value) in &c.properties {
            if !definitions.contains_key(reference.as_str()) {
                warnings.push(Issue {
                    row: c.line,
                    column: reference.clone(),
                    value: value.clone(),
                    message: format!(
                        "eigenschap van '{}' verwijst naar een onbekende eigenschapsdefinitie",
                        c.identifier
                    ),
                });
            }
        }
    }
    model.warnings = warnings;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A file of the repository's `tests/fixtures`.
    pub(crate) fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/../../tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture")
    }

    #[test]
    fn archisurance_reads_whole() {
        let model = read_model(&fixture("archisurance.xml")).expect("reads");
        assert_eq!(model.version, Some(AmeffVersion::V3));
        assert_eq!(model.name.as_deref(), Some("Archisurance"));
        assert_eq!(model.elements.len(), 122);
        assert_eq!(model.relationships.len(), 179);
        let access = model
            .relationships
            .iter()
            .find(|r| r.concept.identifier == "id-693")
            .expect("id-693");
        assert_eq!(access.concept.archimate_type, "Access");
        assert_eq!(access.access_type.as_deref(), Some("Write"));
        assert_eq!(access.concept.name.as_deref(), Some("create/ update"));
        assert!(
            model
                .elements
                .iter()
                .any(|e| e.archimate_type == "BusinessInterface"
                    && e.name.as_deref() == Some("mail"))
        );
        assert!(!model.property_definitions.is_empty());
    }

    #[test]
    fn gemma_reads_whole() {
        let model = read_model(&fixture("gemma-ameff.xml")).expect("reads");
        assert_eq!(model.elements.len(), 3006);
        assert_eq!(model.relationships.len(), 6253);
        assert_eq!(model.property_definitions.len(), 63);
        let zaak = model
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("Zaakregistratiecomponent"))
            .expect("present");
        assert_eq!(zaak.archimate_type, "ApplicationComponent");
        assert!(!zaak.properties.is_empty());
    }

    #[test]
    fn version_2_1_names_and_relationships_between_relationships() {
        let xml = r#"<?xml version="1.0"?>
<model xmlns="http://www.opengroup.org/xsd/archimate" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <label>Oud &amp; goed</label>
  <elements>
    <element identifier="a" xsi:type="ApplicationComponent"><label>Zaak&#233;n</label>
      <properties><property identifierref="p1"><value>1</value></property><property identifierref="p9"><value>x</value></property></properties>
    </element>
    <element identifier="b" xsi:type="ApplicationComponent"><label>B</label></element>
    <element identifier="n" xsi:type="Note"/>
  </elements>
  <relationships>
    <relationship identifier="r1" source="a" target="b" xsi:type="UsedBy"/>
    <relationship identifier="r2" source="n" target="r1" xsi:type="Association"/>
  </relationships>
  <propertydefs><propertydef identifier="p1" name="Kosten" type="number"/></propertydefs>
  <views><view identifier="v"><node identifier="x" elementref="a"/></view></views>
</model>"#;
        let model = read_model(xml.as_bytes()).expect("reads");
        assert_eq!(model.version, Some(AmeffVersion::V2_1));
        assert_eq!(model.name.as_deref(), Some("Oud & goed"));
        assert_eq!(model.elements[0].name.as_deref(), Some("Zaakén"));
        assert_eq!(model.relationships[0].concept.archimate_type, "Serving");
        assert_eq!(model.relationships[1].target, "r1");
        assert_eq!(model.property_definitions[0].name, "Kosten");
        assert_eq!(model.warnings.len(), 1, "p9 is dangling");
        assert_eq!(model.warnings[0].column, "p9");
    }

    #[test]
    fn bad_files_are_refused_with_a_line() {
        let external = r#"<?xml version="1.0"?><!DOCTYPE model [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&xxe;</name></model>"#;
        assert!(
            matches!(read_model(external.as_bytes()), Err(FileError::Unreadable(m)) if m.contains("entiteit"))
        );
        let dangling = r#"<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<relationships><relationship identifier="r" source="a" target="b" xsi:type="Serving"/></relationships></model>"#;
        assert!(
            matches!(read_model(dangling.as_bytes()), Err(FileError::Unreadable(m)) if m.starts_with("regel 2"))
        );
        assert!(matches!(
            read_model(b"<html></html>"),
            Err(FileError::WrongFormat(_))
        ));
        assert!(matches!(
            read_model(b"<model xmlns=\"x\"/>"),
            Err(FileError::WrongFormat(_))
        ));
        assert!(
            matches!(read_model(b"<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"><elements>"), Err(FileError::Unreadable(m)) if m.contains("halverwege"))
        );
        assert_eq!(read_model(b"  "), Err(FileError::Empty));
        let truncated = &fixture("archisurance.xml")[..5000];
        assert!(
            read_model(truncated).is_err(),
            "a truncated file is refused"
        );
    }

    /// Read in two parts (from any size) and in one go (never split).
    fn both_ways(bytes: &[u8]) -> (Result<Model, FileError>, Result<Model, FileError>) {
        (
            read_model_split_from(bytes, 0),
            read_model_split_from(bytes, usize::MAX),
        )
    }

    #[test]
    fn reading_in_two_parts_gives_the_same_model() {
        for name in ["gemma-ameff.xml", "archisurance.xml"] {
            let bytes = fixture(name);
            let split = split_point(&bytes).expect("has relationships");
            assert!(
                read_in_two(&bytes, split).is_some(),
                "{name} is read in two"
            );
            let (two, one) = both_ways(&bytes);
            let two = two.expect("reads in two");
            assert_eq!(two, one.expect("reads in one"), "{name}");
            assert!(!two.relationships.is_empty() && !two.elements.is_empty());
        }
    }

    #[test]
    fn a_split_that_is_not_the_models_own_falls_back_to_one_go() {
        let xml = r#"<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<name>Test</name>
<elements>
<!-- <relationships> in a comment is no split -->
<element identifier="a" xsi:type="ApplicationComponent"><name>A</name></element>
<element identifier="b" xsi:type="Node"><name>B</name></element>
</elements>
<relationships><relationship identifier="r" source="a" target="b" xsi:type="Serving"/></relationships>
</model>"#;
        let bytes = xml.as_bytes();
        let comment = split_point(bytes).expect("found");
        assert!(
            read_in_two(bytes, comment).is_none(),
            "the head ends in a comment"
        );
        let (two, one) = both_ways(bytes);
        let two = two.expect("reads");
        assert_eq!(two, one.expect("reads"));
        assert_eq!((two.elements.len(), two.relationships.len()), (2, 1));
    }

    #[test]
    fn a_problem_in_either_part_is_named_as_when_read_in_one_go() {
        let head_problem = r#"<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<elements>
<element identifier="a" xsi:type="ApplicationComponent"><name>A &bogus;</name></element>
</elements>
<relationships><relationship identifier="r" source="a" target="a" xsi:type="Serving"/></relationships>
</model>"#;
        let tail_problem = r#"<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<elements>
<element identifier="a" xsi:type="ApplicationComponent"><name>A</name></element>
</elements>
<relationships>
<relationship identifier="r" source="a" target="a" xsi:type="Serving"/>
<relationship identifier="s" source="a" target="zz" xsi:type="Serving"/>
</relationships>
</model>"#;
        let truncated = &tail_problem[..tail_problem.len() - 30];
        let mismatched = tail_problem.replace("</relationships>", "</relationship>");
        for (xml, line) in [
            (head_problem, "regel 3"),
            (tail_problem, "regel 7"),
            (truncated, ""),
            (mismatched.as_str(), "regel 8"),
        ] {
            let (two, one) = both_ways(xml.as_bytes());
            assert_eq!(two, one, "{xml}");
            assert!(
                matches!(&two, Err(FileError::Unreadable(m)) if m.starts_with(line)),
                "{two:?}"
            );
        }
    }
}
