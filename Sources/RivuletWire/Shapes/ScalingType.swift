/// How UpdateShardCount reshapes a stream. The model knows one way: shards of equal size.
public enum ScalingType: String, WireEnumeration {
    case uniformScaling = "UNIFORM_SCALING"
}
