using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Features;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// Writes an OGC GeoPackage 1.3 file (SQLite): the core tables, feature tables whose geometries are
/// encoded by NetTopologySuite's <see cref="GeoPackageGeoWriter"/>, attribute tables, and ISO metadata
/// through the GeoPackage metadata extension. Used by the layer downloads and the Ministry's bulk package.
/// </summary>
public sealed class GeoPackageFile : IAsyncDisposable
{
    public const string MetadataExtension = "gpkg_metadata";
    public const string IsoStandardUri = "http://www.isotc211.org/2005/gmd";

    private readonly SqliteConnection connection;
    // Two-dimensional like the layers (the reader's sequences may carry empty Z/M slots GDAL would show as ZM).
    private readonly GeoPackageGeoWriter geometryWriter = new() { HandleOrdinates = Ordinates.XY };
    private readonly HashSet<int> spatialReferences = [-1, 0, 4326];
    private bool metadataTables;

    private GeoPackageFile(SqliteConnection connection) => this.connection = connection;

    /// <summary>Creates a new file with the required tables (application id GPKG, version 1.3).</summary>
    public static async Task<GeoPackageFile> CreateAsync(string path, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var file = new GeoPackageFile(connection);
        await file.ExecuteAsync("""
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10300;
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
                scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """, ct);
        return file;
    }

    /// <summary>Registers a CRS by its EPSG code and WKT definition (4326 must be registered like any other).</summary>
    public async Task AddSpatialReferenceAsync(int srid, string name, string wkt, CancellationToken ct)
    {
        if (srid != 4326 && !spatialReferences.Add(srid))
        {
            return;
        }

        await using var command = Command("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ($name, $srid, 'EPSG', $srid, $wkt, NULL)");
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$srid", srid);
        command.Parameters.AddWithValue("$wkt", wkt);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writes every record of <paramref name="reader"/> (geometry encoding <c>Geometry</c>) as a feature table named
    /// after the layer: fid = the record id, one column per public column. Returns the number of features.
    /// </summary>
    public async Task<long> WriteFeaturesAsync(LayerDefinition layer, FeatureReader reader, int srid, string description, CancellationToken ct)
    {
        var table = layer.Name;
        var columns = reader.Query.Columns;
        var definitions = string.Concat(columns.Select(c => $", {Quote(c.Name)} {SqlType(c.Type)}"));
        await ExecuteAsync($"CREATE TABLE {Quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {GeometryType(layer.GeometryKind)}{definitions})", ct);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = Command(
            $"INSERT INTO {Quote(table)} (fid, geom{string.Concat(columns.Select(c => ", " + Quote(c.Name)))}) VALUES ($fid, $geom{string.Concat(columns.Select((_, i) => $", $p{i}"))})");
        insert.Transaction = transaction;
        var fid = insert.Parameters.Add("$fid", SqliteType.Integer);
        var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
        var values = columns.Select((_, i) => insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToList();
        insert.Prepare();
        var envelope = new Envelope();
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            fid.Value = reader.Id;
            if (reader.Geometry is { } geometry)
            {
                geometry.SRID = srid;
                envelope.ExpandToInclude(geometry.EnvelopeInternal);
                geom.Value = geometryWriter.Write(geometry);
            }
            else
            {
                geom.Value = DBNull.Value;
            }

            for (var i = 0; i < values.Count; i++)
            {
                values[i].Value = Value(reader.Values[i]);
            }

            await insert.ExecuteNonQueryAsync(ct);
            count++;
        }

        await using (var contents = Command("""
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
            VALUES ($table, 'features', $table, $description, $minx, $miny, $maxx, $maxy, $srid);
            INSERT INTO gpkg_geometry_columns VALUES ($table, 'geom', $type, $srid, 0, 0);
            """))
        {
            contents.Transaction = transaction;
            contents.Parameters.AddWithValue("$table", table);
            contents.Parameters.AddWithValue("$description", description);
            contents.Parameters.AddWithValue("$minx", envelope.IsNull ? DBNull.Value : envelope.MinX);
            contents.Parameters.AddWithValue("$miny", envelope.IsNull ? DBNull.Value : envelope.MinY);
            contents.Parameters.AddWithValue("$maxx", envelope.IsNull ? DBNull.Value : envelope.MaxX);
            contents.Parameters.AddWithValue("$maxy", envelope.IsNull ? DBNull.Value : envelope.MaxY);
            contents.Parameters.AddWithValue("$srid", srid);
            contents.Parameters.AddWithValue("$type", GeometryType(layer.GeometryKind));
            await contents.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return count;
    }

    /// <summary>An attribute table (no geometry): the given text columns and rows.</summary>
    public async Task WriteAttributesAsync(string table, string description, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        await ExecuteAsync($"CREATE TABLE {Quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT{string.Concat(columns.Select(c => $", {Quote(c)} TEXT"))})", ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = Command($"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})");
        insert.Transaction = transaction;
        var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToList();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                parameters[i].Value = Value(row[i]);
            }

            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var contents = Command("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ($t, 'attributes', $t, $d)"))
        {
            contents.Transaction = transaction;
            contents.Parameters.AddWithValue("$t", table);
            contents.Parameters.AddWithValue("$d", description);
            await contents.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Adds a metadata document (GeoPackage metadata extension), for the whole file or one table.</summary>
    public async Task AddMetadataAsync(string? table, string standardUri, string mimeType, string document, CancellationToken ct)
    {
        if (!metadataTables)
        {
            metadataTables = true;
            await ExecuteAsync("""
                CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
                    md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
                CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
                    timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
                    CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
                    CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
                INSERT INTO gpkg_extensions VALUES ('gpkg_metadata', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec/#extension_metadata', 'read-write');
                INSERT INTO gpkg_extensions VALUES ('gpkg_metadata_reference', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec/#extension_metadata', 'read-write');
                """, ct);
        }

        await using var command = Command("""
            INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) VALUES ('dataset', $uri, $mime, $doc);
            INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES ($scope, $table, last_insert_rowid());
            """);
        command.Parameters.AddWithValue("$uri", standardUri);
        command.Parameters.AddWithValue("$mime", mimeType);
        command.Parameters.AddWithValue("$doc", document);
        command.Parameters.AddWithValue("$scope", table is null ? "geopackage" : "table");
        command.Parameters.AddWithValue("$table", (object?)table ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1 : 0,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string SqlType(AttributeType type) => type switch
    {
        AttributeType.Integer => "INTEGER",
        AttributeType.Number => "DOUBLE",
        AttributeType.Boolean => "BOOLEAN",
        AttributeType.Date => "DATE",
        AttributeType.DateTime => "DATETIME",
        _ => "TEXT",
    };

    private static string GeometryType(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => "POINT",
        GeometryKind.MultiLineString => "MULTILINESTRING",
        _ => "MULTIPOLYGON",
    };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
