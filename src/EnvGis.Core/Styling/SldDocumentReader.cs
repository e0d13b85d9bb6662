using System.Xml.Linq;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;

namespace EnvGis.Core.Styling;

/// <summary>The document levels of an SLD: StyledLayerDescriptor, NamedLayer, UserStyle, FeatureTypeStyle, Rule.</summary>
internal sealed class SldDocumentReader(SldContext context)
{
    private readonly SldFilterReader filters = new(context);
    private readonly SldSymbolizerReader symbolizers = new(context);

    public LayerStyle Read(XElement root)
    {
        if (!SldContext.Is(root, "StyledLayerDescriptor"))
        {
            throw new SldFormatException($"{context.Layer}.sld: the root element is <{root.Name.LocalName}>, not an SLD <StyledLayerDescriptor>");
        }
        var version = (string?)root.Attribute("version");
        if (version != "1.0.0")
        {
            context.Warn(root, $"SLD version '{version}' read as 1.0.0; only 1.0.0 is supported");
        }
        XElement? namedLayer = null;
        foreach (var child in root.Elements())
        {
            if (SldContext.Is(child, "NamedLayer") && namedLayer is null)
            {
                namedLayer = child;
            }
            else if (!IsDescription(child))
            {
                context.Ignored(child, SldContext.Is(child, "NamedLayer") ? "one file styles one layer" : null);
            }
        }
        return ReadNamedLayer(namedLayer ?? throw Missing(root, "NamedLayer"));
    }

    private LayerStyle ReadNamedLayer(XElement namedLayer)
    {
        XElement? userStyle = null;
        foreach (var child in namedLayer.Elements())
        {
            if (SldContext.Is(child, "Name"))
            {
                if (child.Value.Trim() != context.Layer)
                {
                    context.Warn(child, $"NamedLayer is '{child.Value.Trim()}' but the file styles layer '{context.Layer}'");
                }
            }
            else if (SldContext.Is(child, "UserStyle") && userStyle is null)
            {
                userStyle = child;
            }
            else
            {
                context.Ignored(child, SldContext.Is(child, "UserStyle") ? "only the first UserStyle is used" : null);
            }
        }
        return ReadUserStyle(userStyle ?? throw Missing(namedLayer, "UserStyle"));
    }

    private LayerStyle ReadUserStyle(XElement userStyle)
    {
        var name = Text(userStyle, "Name");
        if (name is null)
        {
            context.Warn(userStyle, "UserStyle has no Name; the layer name is used");
        }
        else if (name != context.Layer)
        {
            context.Warn(userStyle, $"UserStyle is named '{name}'; by convention it is named after the layer '{context.Layer}'");
        }
        var title = Title(userStyle, name ?? context.Layer);
        XElement? featureTypeStyle = null;
        foreach (var child in userStyle.Elements())
        {
            if (SldContext.Is(child, "FeatureTypeStyle") && featureTypeStyle is null)
            {
                featureTypeStyle = child;
            }
            else if (!IsDescription(child) && !SldContext.Is(child, "IsDefault"))
            {
                context.Ignored(child, SldContext.Is(child, "FeatureTypeStyle") ? "only the first FeatureTypeStyle is used" : null);
            }
        }
        var rules = ReadRules(featureTypeStyle ?? throw Missing(userStyle, "FeatureTypeStyle"));
        return new LayerStyle(context.Layer, name ?? context.Layer, title, rules);
    }

    private IReadOnlyList<StyleRule> ReadRules(XElement featureTypeStyle)
    {
        var rules = new List<StyleRule>();
        foreach (var child in featureTypeStyle.Elements())
        {
            if (SldContext.Is(child, "Rule"))
            {
                if (ReadRule(child, rules.Count + 1) is { } rule)
                {
                    rules.Add(rule);
                }
            }
            else if (!IsDescription(child) && !SldContext.Is(child, "FeatureTypeName") && !SldContext.Is(child, "SemanticTypeIdentifier"))
            {
                context.Ignored(child);
            }
        }
        context.Where = "";
        if (rules.Count == 0)
        {
            context.Warn(featureTypeStyle, "the style has no usable rule and draws nothing");
        }
        return rules.AsReadOnly();
    }

    private StyleRule? ReadRule(XElement rule, int position)
    {
        var name = Text(rule, "Name");
        context.Where = $"rule '{name ?? position.ToString(System.Globalization.CultureInfo.InvariantCulture)}': ";
        if (name is null)
        {
            context.Warn(rule, "the rule has no Name");
            name = $"rule{position}";
        }
        var title = Title(rule, name);
        FilterNode? filter = null;
        var isElse = false;
        double? minScale = null;
        double? maxScale = null;
        var painted = new List<Symbolizer>();
        foreach (var child in rule.Elements())
        {
            if (SldContext.IsOgc(child, "Filter"))
            {
                filter = filters.Read(child);
                if (filter is null)
                {
                    context.Warn(child, "the rule is left out: drawing it without its filter would style the wrong features");
                    return null;
                }
            }
            else if (SldContext.Is(child, "ElseFilter"))
            {
                isElse = true;
            }
            else if (SldContext.Is(child, "MinScaleDenominator"))
            {
                minScale = SldValues.Number(child.Value.Trim(), child, context);
            }
            else if (SldContext.Is(child, "MaxScaleDenominator"))
            {
                maxScale = SldValues.Number(child.Value.Trim(), child, context);
            }
            else if (SldSymbolizerReader.IsSymbolizer(child))
            {
                if (symbolizers.Read(child) is { } symbolizer)
                {
                    painted.Add(symbolizer);
                }
            }
            else if (!IsDescription(child))
            {
                context.Ignored(child);
            }
        }
        if (painted.Count == 0)
        {
            context.Warn(rule, "the rule has no usable symbolizer and is left out");
            return null;
        }
        return new StyleRule(name, title, filter, isElse, minScale, maxScale, painted.AsReadOnly());
    }

    /// <summary>Title is Vietnamese; the English title is the Abstract's "en: …" first line.</summary>
    private LocalizedText Title(XElement element, string fallback)
    {
        var vi = Text(element, "Title");
        if (vi is null)
        {
            context.Warn(element, $"<{element.Name.LocalName}> has no Title (Vietnamese); '{fallback}' is used");
        }
        var abstractText = Text(element, "Abstract");
        var en = SldValues.EnglishTitle(abstractText);
        if (en is null)
        {
            context.Warn(element, $"<{element.Name.LocalName}> has no Abstract starting 'en: <English title>'; the Vietnamese title is used");
        }
        return new LocalizedText(vi ?? fallback, en ?? vi ?? fallback);
    }

    private static string? Text(XElement parent, string localName)
    {
        var value = parent.Elements().FirstOrDefault(e => SldContext.Is(e, localName))?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static bool IsDescription(XElement element) =>
        SldContext.Is(element, "Name") || SldContext.Is(element, "Title") || SldContext.Is(element, "Abstract");

    private SldFormatException Missing(XElement parent, string child) =>
        new($"{context.Layer}.sld: <{parent.Name.LocalName}> has no <{child}>");
}
