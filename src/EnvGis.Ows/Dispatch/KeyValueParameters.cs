using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Dispatch;

/// <summary>KVP parameters with case-insensitive names (OGC 06-121r9 §11.5.2); a repeated name keeps its first value.</summary>
public sealed class KeyValueParameters
{
    private readonly Dictionary<string, string> values;

    public KeyValueParameters(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            values.TryAdd(key, value);
        }
    }

    public static KeyValueParameters Empty { get; } = new([]);

    public IEnumerable<KeyValuePair<string, string>> All => values;

    public static KeyValueParameters From(IQueryCollection query) =>
        new(query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.FirstOrDefault() ?? "")));

    /// <summary>The value of the first of <paramref name="names"/> present and not blank, or null.</summary>
    public string? Get(params string[] names)
    {
        foreach (var name in names)
        {
            if (values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    public bool Has(string name) => values.ContainsKey(name);
}
