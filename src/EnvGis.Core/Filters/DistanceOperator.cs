namespace EnvGis.Core.Filters;

public enum DistanceOperator
{
    DWithin,
    Beyond,
}
