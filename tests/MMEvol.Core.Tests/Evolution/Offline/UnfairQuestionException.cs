namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>The oracle could not read a question, or the boxes do not decide it: an evolver bug, never a wrong answer.</summary>
internal sealed class UnfairQuestionException(string message) : Exception(message);
