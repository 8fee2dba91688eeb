using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListeningSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "listening_sessions",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    one_phone = table.Column<bool>(type: "INTEGER", nullable: false),
                    started_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    first_speaker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    speaker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    turn_started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    paused_until = table.Column<long>(type: "INTEGER", nullable: true),
                    first_appreciation = table.Column<byte[]>(type: "BLOB", nullable: true),
                    second_appreciation = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listening_sessions", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "listening_turns",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    speaker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reflection = table.Column<byte[]>(type: "BLOB", nullable: true),
                    felt_understood = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listening_turns", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_listening_turns_couple_id_session_id_number",
                table: "listening_turns",
                columns: new[] { "couple_id", "session_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "listening_sessions");

            migrationBuilder.DropTable(
                name: "listening_turns");
        }
    }
}
