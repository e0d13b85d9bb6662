using EnvGis.Core.Records;
using EnvGis.Ows.Dispatch;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>A refused write as an OGC exception: the record store's reason, the action (handle) as locator, the matching HTTP status.</summary>
public static class TransactionErrors
{
    public static OwsException From(RecordException e, string locator)
    {
        var where = e.Field is null ? locator : $"{locator}/{e.Field}";
        return e.Kind switch
        {
            RecordErrorKind.Forbidden => new OwsException(OwsException.OperationProcessingFailed, e.Message, where, StatusCodes.Status403Forbidden),
            RecordErrorKind.NotFound => new OwsException(OwsException.InvalidParameterValue, e.Message, where, StatusCodes.Status404NotFound),
            RecordErrorKind.Conflict => new OwsException(OwsException.OperationProcessingFailed, e.Message, where, StatusCodes.Status409Conflict),
            RecordErrorKind.TooLarge => new OwsException(OwsException.InvalidParameterValue, e.Message, where, StatusCodes.Status413PayloadTooLarge),
            _ => new OwsException(OwsException.InvalidParameterValue, e.Message, where, StatusCodes.Status400BadRequest),
        };
    }
}
