namespace EnvGis.Server.Api;

/// <summary>A removed layer and where its table, with every record, was archived (e.g. <c>archive.dump_sites__42</c>).</summary>
public sealed record RemovedLayerResponse(string Layer, string ArchivedAs);
