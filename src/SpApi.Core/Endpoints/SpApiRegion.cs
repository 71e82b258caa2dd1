namespace SpApi.Core.Endpoints;

/// <summary>The three SP-API regions. Each has one production and one sandbox host.</summary>
public enum SpApiRegion
{
    /// <summary>North America: Canada, United States, Mexico, Brazil.</summary>
    NA,

    /// <summary>Europe, the Middle East, Africa and India.</summary>
    EU,

    /// <summary>Far East: Singapore, Australia, Japan.</summary>
    FE,
}
