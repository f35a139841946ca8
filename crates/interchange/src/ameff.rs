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
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    let mut reader = Reader::from_reader(bytes);
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
    let mut seen_root = false;
    let mut depth = 0usize;
    let unreadable =
        |line: usize, message: String| FileError::Unreadable(format!("regel {line}: {message}"));
    loop {
        let offset = reader.buffer_position();
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            unreadable(
                lines.at(reader.error_position()),
                format!("geen geldige XML: {e}"),
            )
        })?;
        let line = lines.at(offset);
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Eof => {
                if depth > 0 {
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
    check(&mut model)?;
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
}
