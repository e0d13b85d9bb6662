using System.Globalization;
using System.Xml.Linq;
using EnvGis.Core.Records;
using EnvGis.Data.Records;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Core.Filters;
using EnvGis.Ows.Filters;
using EnvGis.Ows.Gml;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>
/// Reads a WFS Transaction of version 1.0.0, 1.1.0 (the <c>http://www.opengis.net/wfs</c> namespace,
/// as QGIS sends it) or 2.0.0 into actions: feature elements with GML 2, 3.1.1 or 3.2 geometries
/// (the CRS and axis order from each geometry's own srsName, else the Insert's, else the version's
/// default), Update properties (<c>wfs:Name</c> or <c>wfs:ValueReference</c>), and filters through
/// the shared FES parser. Property names come only from the catalogue.
/// </summary>
public sealed class TransactionReader
{
    private readonly OwsCall call;
    private readonly int maxFeatures;
    private readonly bool wfs10;
    private readonly GmlGeometryReader geometries;
    private readonly FesParser filters;
    private int features;

    private TransactionReader(OwsCall call, string version, int maxFeatures)
    {
        this.call = call;
        this.maxFeatures = maxFeatures;
        wfs10 = version == WfsVersions.V100;
        var defaultCrs = wfs10 ? new CrsReference(CoordinateSystems.Wgs84, false, "EPSG:4326") : CrsReference.Default;
        geometries = new GmlGeometryReader(defaultCrs, forceXy: wfs10);
        filters = new FesParser(defaultCrs, forceXy: wfs10);
    }

    /// <summary>Parses <paramref name="root"/>; refuses anything not understood, and more than <paramref name="maxFeatures"/> features.</summary>
    public static TransactionRequest Read(XElement root, OwsCall call, int maxFeatures)
    {
        if (root.Name.LocalName != "Transaction"
            || (root.Name.NamespaceName != WfsVersions.Wfs1Namespace && root.Name.NamespaceName != WfsVersions.Wfs20Namespace))
        {
            throw OwsException.Parsing("Transaction", $"Expected a wfs:Transaction, found '{root.Name}'.");
        }

        // The namespace tells 2.0 from 1.x; within 1.x the version attribute tells 1.0 from 1.1.
        var version = root.Name.NamespaceName == WfsVersions.Wfs20Namespace ? WfsVersions.V200
            : root.Attribute("version")?.Value.Trim() == WfsVersions.V100 ? WfsVersions.V100 : WfsVersions.V110;
        RequestLimits.Check(root.Elements().Count(), RequestLimits.MaxTransactionActions, "actions", "Transaction");
        var reader = new TransactionReader(call, version, maxFeatures);
        var actions = new List<TransactionAction>();
        var index = 0;
        foreach (var element in root.Elements())
        {
            index++;
            var handle = Attribute(element, "handle");
            var locator = handle ?? $"{element.Name.LocalName}[{index}]";
            if (element.Name.Namespace != root.Name.Namespace)
            {
                throw OwsException.Parsing(locator, $"'{element.Name}' is not a transaction action of this WFS version.");
            }

            actions.Add(element.Name.LocalName switch
            {
                "Insert" => reader.Insert(element, handle, locator),
                "Update" => reader.Update(element, handle, locator),
                "Delete" => new DeleteAction(handle, locator, reader.Layer(element, locator).Layer, reader.Selection(element, locator, required: true)),
                "Replace" when version == WfsVersions.V200 => reader.Replace(element, handle, locator),
                "Native" => throw new OwsException(OwsException.OptionNotSupported, "Native transaction actions are not supported.", locator),
                _ => throw OwsException.Parsing(locator, $"'{element.Name.LocalName}' is not a transaction action of WFS {version}."),
            });
        }

        if (actions.Count == 0)
        {
            throw OwsException.Parsing("Transaction", "The transaction holds no action.");
        }

        return new TransactionRequest(version, actions);
    }

    private InsertAction Insert(XElement insert, string? handle, string locator)
    {
        if (Attribute(insert, "idgen") is "UseExisting" or "ReplaceDuplicate")
        {
            throw new OwsException(OwsException.OptionNotSupported,
                "EnvGis generates the ids of new features (idgen=GenerateNew); given ids cannot be kept.", locator);
        }

        var features = FeatureElements(insert).Select(f => Feature(f, locator)).ToList();
        return features.Count > 0 ? new InsertAction(handle, locator, features) : throw OwsException.Parsing(locator, "The Insert holds no feature.");
    }

    private UpdateAction Update(XElement update, string? handle, string locator)
    {
        var type = Layer(update, locator);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        NetTopologySuite.Geometries.Geometry? geometry = null;
        var geometryGiven = false;
        string? status = null;
        foreach (var property in update.Elements().Where(e => e.Name.LocalName == "Property"))
        {
            var nameElement = property.Elements().FirstOrDefault(e => e.Name.LocalName is "Name" or "ValueReference")
                ?? throw OwsException.Parsing(locator, "An Update Property needs a Name (or ValueReference).");
            if (Attribute(nameElement, "action") is { } action && action != "replace" && action != "remove")
            {
                throw new OwsException(OwsException.OptionNotSupported, $"The update action '{action}' is not supported; use replace or remove.", locator);
            }

            var target = type.Find(nameElement.Value) ?? throw UnknownProperty(type, nameElement.Value, locator);
            var value = Attribute(nameElement, "action") == "remove" ? null : property.Elements().FirstOrDefault(e => e.Name.LocalName == "Value");
            if (target.IsGeometry)
            {
                geometryGiven = true;
                geometry = value?.Elements().FirstOrDefault() is { } gml ? geometries.Read(gml, locator).Geometry : null;
            }
            else if (target.Name == RecordMetadata.Status)
            {
                status = value?.Value.Trim();
            }
            else if (!values.TryAdd(target.Name, Value(type, target.Name, value, locator)))
            {
                throw OwsException.Invalid(locator, $"The property '{target.Name}' is updated twice.");
            }
        }

        if (geometryGiven && geometry is null)
        {
            throw OwsException.Invalid(locator, "The geometry of a feature cannot be removed.");
        }

        return new UpdateAction(handle, locator, type.Layer, new FeatureValues(values, geometry, geometryGiven, status),
            Selection(update, locator, required: false));
    }

    private ReplaceAction Replace(XElement replace, string? handle, string locator)
    {
        var feature = replace.Elements().Where(e => e.Name.LocalName != "Filter").ToList() is [var single]
            ? Feature(single, locator)
            : throw OwsException.Parsing(locator, "A Replace holds exactly one feature and a filter.");
        return new ReplaceAction(handle, locator, feature, Selection(replace, locator, required: true));
    }

    /// <summary>A feature element: its type from its name, its properties by local name, its geometry from the <c>geom</c> property.</summary>
    private FeatureInput Feature(XElement element, string locator)
    {
        if (++features > maxFeatures)
        {
            throw new OwsException(OwsException.InvalidParameterValue,
                $"A transaction may hold at most {maxFeatures} features; split it.", locator, 413);
        }

        var type = FeatureTypeResolver.Resolve(call, element.Name.LocalName, locator);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        NetTopologySuite.Geometries.Geometry? geometry = null;
        string? status = null;
        foreach (var child in element.Elements())
        {
            if (GmlGeometryReader.IsGml(child.Name))
            {
                continue; // gml:boundedBy, gml:name, gml:description
            }

            var property = type.Find(child.Name.LocalName) ?? throw UnknownProperty(type, child.Name.LocalName, locator);
            if (property.IsGeometry)
            {
                geometry = child.Elements().FirstOrDefault() is { } gml
                    ? geometries.Read(gml, locator).Geometry
                    : throw OwsException.Invalid(locator, "The geometry property holds no GML geometry.");
            }
            else if (property.Name == RecordMetadata.Status)
            {
                status = IsNil(child) ? null : child.Value.Trim();
            }
            else if (!values.TryAdd(property.Name, Value(type, property.Name, child, locator)))
            {
                throw OwsException.Invalid(locator, $"The property '{property.Name}' is given twice.");
            }
        }

        return new FeatureInput(type.Layer, new FeatureValues(values, geometry, geometry is not null, status));
    }

    private static object? Value(FeatureType type, string name, XElement? value, string locator)
    {
        try
        {
            return RecordValues.FromText(type.Layer, name, value is null || IsNil(value) ? null : value.Value);
        }
        catch (RecordException e)
        {
            throw OwsException.Invalid(locator, e.Message);
        }
    }

    /// <summary>The typeName of an Update or Delete: a feature type the caller may read.</summary>
    private FeatureType Layer(XElement element, string locator)
    {
        var typeName = Attribute(element, "typeName") ?? Attribute(element, "typeNames")
            ?? throw OwsException.Parsing(locator, $"The {element.Name.LocalName} needs a typeName.");
        return FeatureTypeResolver.Resolve(call, typeName, locator);
    }

    private FeatureSelection Selection(XElement action, string locator, bool required)
    {
        var filter = action.Elements().FirstOrDefault(e => e.Name.LocalName == "Filter");
        if (filter is null)
        {
            return required
                ? throw OwsException.Parsing(locator, $"The {action.Name.LocalName} needs a filter naming the features.")
                : new FeatureSelection(null, null, new Dictionary<string, int>());
        }

        var node = filters.Parse(filter);
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in filter.Descendants().Where(e => e.Name.LocalName is "ResourceId" or "FeatureId" or "GmlObjectId"))
        {
            if (Attribute(id, "version") is { } text && IdOf(id) is { } fid)
            {
                versions[fid] = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
                    ? version
                    : throw OwsException.Invalid(locator, $"The version '{text}' of {fid} is not a version number.");
            }
        }

        return new FeatureSelection(node, node is ResourceIdNode ids ? ids.Ids : null, versions);
    }

    /// <summary>The feature elements of an Insert, looking through GML collections and members some clients wrap them in.</summary>
    private static IEnumerable<XElement> FeatureElements(XElement container)
    {
        foreach (var element in container.Elements())
        {
            var name = element.Name.LocalName;
            if (name is "featureMember" or "featureMembers" or "FeatureCollection" or "member")
            {
                foreach (var inner in FeatureElements(element))
                {
                    yield return inner;
                }
            }
            else if (!(GmlGeometryReader.IsGml(element.Name) && name == "boundedBy"))
            {
                yield return element;
            }
        }
    }

    private static OwsException UnknownProperty(FeatureType type, string name, string locator) =>
        OwsException.Invalid(locator, $"The feature type {type.QualifiedName} has no property '{name}'; "
            + $"its properties are {string.Join(", ", type.Properties.Select(p => p.Name))}.");

    private static bool IsNil(XElement element) =>
        element.Attributes().Any(a => a.Name.LocalName == "nil" && a.Value.Trim() is "true" or "1");

    private static string? IdOf(XElement element) =>
        (Attribute(element, "rid") ?? Attribute(element, "fid") ?? element.Attributes().FirstOrDefault(a => a.Name.LocalName == "id")?.Value)?.Trim();

    private static string? Attribute(XElement element, string name) =>
        element.Attribute(name)?.Value is { Length: > 0 } value ? value.Trim() : null;
}
