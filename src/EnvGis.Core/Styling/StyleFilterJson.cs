using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnvGis.Core.Filters;

namespace EnvGis.Core.Styling;

/// <summary>
/// A style rule's filter in the portal's wire format: <c>{"op": "eq"|"ne"|"lt"|"le"|"gt"|"ge", "property",
/// "value"}</c>, <c>{"op": "like", "property", "pattern", "wildCard", "singleChar", "escapeChar"}</c>,
/// <c>{"op": "isNull", "property"}</c>, <c>{"op": "between", "property", "lower", "upper"}</c>,
/// <c>{"op": "and"|"or", "filters"}</c>, <c>{"op": "not", "filter"}</c>. Literals are written as
/// numbers or booleans when they read as such (the portal's filters.js compares them the same way).
/// Only the subset SLD styles use (<see cref="SldFilterReader"/>) can be written.
/// </summary>
public sealed class StyleFilterJson : JsonConverter<FilterNode>
{
    private static readonly Dictionary<ComparisonOperator, string> Ops = new()
    {
        [ComparisonOperator.EqualTo] = "eq",
        [ComparisonOperator.NotEqualTo] = "ne",
        [ComparisonOperator.LessThan] = "lt",
        [ComparisonOperator.LessThanOrEqualTo] = "le",
        [ComparisonOperator.GreaterThan] = "gt",
        [ComparisonOperator.GreaterThanOrEqualTo] = "ge",
    };

    public override void Write(Utf8JsonWriter json, FilterNode value, JsonSerializerOptions options)
    {
        json.WriteStartObject();
        switch (value)
        {
            case ComparisonNode { Left: PropertyReference p, Right: TextLiteral literal } c:
                json.WriteString("op", Ops[c.Operator]);
                json.WriteString("property", p.Name);
                json.WritePropertyName("value");
                Literal(json, literal.Text);
                break;
            case LikeNode { Value: PropertyReference p, Pattern: TextLiteral pattern }:
                json.WriteString("op", "like");
                json.WriteString("property", p.Name);
                json.WriteString("pattern", pattern.Text);
                json.WriteString("wildCard", LikePattern.Any.ToString());
                json.WriteString("singleChar", LikePattern.One.ToString());
                json.WriteString("escapeChar", LikePattern.Escape.ToString());
                break;
            case NullNode { Value: PropertyReference p }:
                json.WriteString("op", "isNull");
                json.WriteString("property", p.Name);
                break;
            case BetweenNode { Value: PropertyReference p, Lower: TextLiteral lower, Upper: TextLiteral upper }:
                json.WriteString("op", "between");
                json.WriteString("property", p.Name);
                json.WritePropertyName("lower");
                Literal(json, lower.Text);
                json.WritePropertyName("upper");
                Literal(json, upper.Text);
                break;
            case AndNode or OrNode:
                json.WriteString("op", value is AndNode ? "and" : "or");
                json.WriteStartArray("filters");
                foreach (var operand in value is AndNode and ? and.Operands : ((OrNode)value).Operands)
                {
                    Write(json, operand, options);
                }

                json.WriteEndArray();
                break;
            case NotNode not:
                json.WriteString("op", "not");
                json.WritePropertyName("filter");
                Write(json, not.Operand, options);
                break;
            default:
                throw new NotSupportedException($"The filter {value.GetType().Name} has no style JSON form.");
        }

        json.WriteEndObject();
    }

    public override FilterNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement);
    }

    private static FilterNode Read(JsonElement e)
    {
        var op = e.GetProperty("op").GetString();
        PropertyReference Property() => new(e.GetProperty("property").GetString()!);
        TextLiteral Value(string name) => new(LiteralText(e.GetProperty(name)));
        if (Ops.FirstOrDefault(o => o.Value == op) is { Value: not null } comparison)
        {
            return new ComparisonNode(comparison.Key, Property(), Value("value"));
        }

        return op switch
        {
            "like" => new LikeNode(Property(), new TextLiteral(LikePattern.FromWildcards(
                e.GetProperty("pattern").GetString()!, e.GetProperty("wildCard").GetString()!,
                e.GetProperty("singleChar").GetString()!, e.GetProperty("escapeChar").GetString()!))),
            "isNull" => new NullNode(Property()),
            "between" => new BetweenNode(Property(), Value("lower"), Value("upper")),
            "and" => new AndNode(e.GetProperty("filters").EnumerateArray().Select(Read).ToList()),
            "or" => new OrNode(e.GetProperty("filters").EnumerateArray().Select(Read).ToList()),
            "not" => new NotNode(Read(e.GetProperty("filter"))),
            _ => throw new JsonException($"Unknown style filter op '{op}'."),
        };
    }

    /// <summary>SLD literal text as the wire format stores it: a number if it reads as one, then a boolean, else the text.</summary>
    private static void Literal(Utf8JsonWriter json, string text)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            json.WriteNumberValue(number);
        }
        else if (bool.TryParse(trimmed, out var flag))
        {
            json.WriteBooleanValue(flag);
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    private static string LiteralText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetString() ?? "",
    };
}
