namespace EnvGis.Data.Catalogue;

/// <summary>
/// A catalogue change that is refused, nothing changed: the HTTP status, a stable problem code, the
/// request member at fault and a sentence saying why (docs/catalogue.md "Refusals").
/// </summary>
public sealed class CatalogueRefusal(int status, string code, string field, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Field { get; } = field;

    public static CatalogueRefusal Invalid(string code, string field, string message) => new(400, code, field, message);

    public static CatalogueRefusal Conflict(string code, string field, string message) => new(409, code, field, message);

    public static CatalogueRefusal NotFound(string code, string field, string message) => new(404, code, field, message);
}
