namespace EnvGis.Core.Filters;

/// <summary>
/// A node of a parsed filter: the one tree that FES 2.0/1.1, SLD filters, CQL2 text and JSON, WMS
/// TIME and the OGC API query parameters all parse into. One SQL generator (EnvGis.Data.Filters) and
/// one in-memory evaluator (<see cref="FilterEvaluator"/>) read it (docs/filters.md).
/// </summary>
public abstract record FilterNode;
