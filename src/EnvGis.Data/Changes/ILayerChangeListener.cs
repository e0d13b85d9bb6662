namespace EnvGis.Data.Changes;

/// <summary>Something that keeps derived state of layers (a cache) in step with the change log.</summary>
public interface ILayerChangeListener
{
    /// <summary>Called once per change, in sequence order per layer, after the versions moved on.</summary>
    void OnChange(LayerChange change);
}
