namespace MMEvol.Core.Jobs;

/// <summary>
/// A handler's clean stop before its work is done (a budget reached, say): the job ends Cancelled
/// with the reason in its log, keeps its progress, and resumes like any cancelled job.
/// </summary>
public class JobStoppedException(string message) : Exception(message);
