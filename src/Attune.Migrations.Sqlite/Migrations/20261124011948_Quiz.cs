using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Quiz : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quiz_items",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    question_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    answer = table.Column<byte[]>(type: "BLOB", nullable: true),
                    guess = table.Column<byte[]>(type: "BLOB", nullable: true),
                    mark = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiz_items", x => new { x.couple_id, x.round_id, x.question_id });
                });

            migrationBuilder.CreateTable(
                name: "quiz_rounds",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guesser_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    guessed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revealed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiz_rounds", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_quiz_rounds_couple_id_subject_id_created_at",
                table: "quiz_rounds",
                columns: new[] { "couple_id", "subject_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quiz_items");

            migrationBuilder.DropTable(
                name: "quiz_rounds");
        }
    }
}
